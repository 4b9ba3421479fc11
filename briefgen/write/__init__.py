"""Write: the only code that writes into the docs folder, the state folder and new specs.

``plan`` reads docs/ and decides every page (``merge``: pure, one ``PageDecision`` each);
``swap`` carries the plan out atomically under a journal; ``lock`` keeps runs apart.
"""

from briefgen.write.lock import run_lock
from briefgen.write.merge import Conflict, PageDecision, WriteReport, merge_text
from briefgen.write.paths import safe_target
from briefgen.write.plan import WritePlan, plan_writes
from briefgen.write.swap import apply_plan, recover, write_new_file

__all__ = [
    "Conflict", "PageDecision", "WritePlan", "WriteReport", "apply_plan", "merge_text", "plan_writes",
    "recover", "run_lock", "safe_target", "write_new_file",
]
