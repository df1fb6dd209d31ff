"""Prints the LR real PyTorch uses at every scheduler step for each case of a JSON file (argv[1]).

Output (stdout, JSON): {"torch": version, "cases": {id: [lr_0, lr_1, ...]}} where lr_t is the optimizer's lr when
update t runs (read before the t-th optimizer.step(); scheduler.step() after it), floats printed by repr (exact).
"""
import json
import sys
import warnings

import torch
from torch.optim import lr_scheduler

warnings.filterwarnings("ignore")


def build(optimizer, name, params):
    cls = getattr(lr_scheduler, name.split(".")[-1])
    kwargs = dict(params)
    if name in ("SequentialLR", "ChainedScheduler"):
        kids = [build(optimizer, c["name"], c.get("params", {})) for c in kwargs.pop("schedulers")]
        if name == "ChainedScheduler":
            return cls(kids)
        return cls(optimizer, schedulers=kids, **kwargs)
    if name == "OneCycleLR" and "pct_start" in kwargs:
        kwargs["pct_start"] = float(kwargs["pct_start"])
    return cls(optimizer, **kwargs)


def run(case):
    param = torch.nn.Parameter(torch.zeros(1))
    optimizer = torch.optim.SGD([param], lr=case["baseLr"], momentum=0.9)
    scheduler = build(optimizer, case["name"], case["params"])
    values = []
    for t in range(case["steps"]):
        values.append(optimizer.param_groups[0]["lr"])
        if t < case["steps"] - 1:  # the step after the last recorded value is never used (OneCycleLR would raise)
            optimizer.step()
            scheduler.step()
    return values


def main():
    with open(sys.argv[1]) as f:
        cases = json.load(f)
    print(json.dumps({"torch": torch.__version__, "cases": {c["id"]: run(c) for c in cases}}))


if __name__ == "__main__":
    main()
