// Small configs of our own, one per dialect, each with a finding that offers decay fixes.
export interface Snippet {
  name: string;
  fileName: string;
  rule: string;
  text: string;
}

export const SNIPPETS: Snippet[] = [
  {
    name: 'Lightning CLI, no scheduler (epoch-stepped: T_max in epochs)',
    fileName: 'lightning.yaml',
    rule: 'constant-lr',
    text: 'seed_everything: 7\ntrainer:\n  max_epochs: 30\nmodel:\n  class_path: my.Model\noptimizer:\n  class_path: torch.optim.AdamW\n  init_args:\n    lr: 3.0e-4  # tuned\ndata:\n  class_path: my.Data\n',
  },
  {
    name: 'Lightning CLI, MultiStepLR milestones replaced as a block',
    fileName: 'lightning.yaml',
    rule: 'piecewise-schedule',
    text: 'trainer:\n  max_epochs: 40\nmodel:\n  class_path: my.Model\noptimizer:\n  class_path: torch.optim.SGD\n  init_args:\n    lr: 0.1\nlr_scheduler:\n  class_path: torch.optim.lr_scheduler.MultiStepLR\n  init_args:\n    milestones: [10, 25]\n    gamma: 0.1\n',
  },
  {
    name: 'Lightning CLI, cosine T_max shorter than the run',
    fileName: 'lightning.yaml',
    rule: 'schedule-horizon',
    text: 'trainer:\n  max_epochs: 50\nmodel:\n  class_path: my.Model\noptimizer:\n  class_path: torch.optim.AdamW\n  init_args:\n    lr: 0.001\nlr_scheduler:\n  class_path: torch.optim.lr_scheduler.CosineAnnealingLR\n  init_args:\n    T_max: 12\n',
  },
  {
    name: 'Lightning CLI, SequentialLR warmup + milestones: the warmup child is kept',
    fileName: 'lightning.yaml',
    rule: 'piecewise-schedule',
    text: 'trainer:\n  max_epochs: 100\nmodel:\n  class_path: my.Model\noptimizer:\n  class_path: torch.optim.AdamW\n  init_args:\n    lr: 0.001\nlr_scheduler:\n  class_path: torch.optim.lr_scheduler.SequentialLR\n  init_args:\n    schedulers:\n      - class_path: torch.optim.lr_scheduler.LinearLR\n        init_args:\n          start_factor: 0.01\n          total_iters: 5\n      - class_path: torch.optim.lr_scheduler.MultiStepLR\n        init_args:\n          milestones: [30, 60]\n    milestones: [5]\n',
  },
  {
    name: 'torchtune, no lr_scheduler',
    fileName: 'recipes/configs/tiny.yaml',
    rule: 'constant-lr',
    text: 'model:\n  _component_: torchtune.models.llama3_2.lora_llama3_2_1b\noptimizer:\n  _component_: torch.optim.AdamW\n  lr: 3e-4\nepochs: 2\nmax_steps_per_epoch: 50\n',
  },
  {
    name: 'torchtune, a torch StepLR that never decays (gamma 1)',
    fileName: 'recipes/configs/tiny.yaml',
    rule: 'constant-lr',
    text: 'model:\n  _component_: torchtune.models.llama3_2.lora_llama3_2_1b\noptimizer:\n  _component_: torch.optim.AdamW\n  lr: 3e-4\nlr_scheduler:\n  _component_: torch.optim.lr_scheduler.StepLR\n  step_size: 10\n  gamma: 1.0\nepochs: 2\nmax_steps_per_epoch: 50\n',
  },
  {
    name: 'Axolotl, constant_with_warmup (CRLF)',
    fileName: 'axolotl.yaml',
    rule: 'constant-lr',
    text: 'base_model: some/model\r\nmicro_batch_size: 2\r\nnum_epochs: 1\r\nsequence_len: 1024\r\nlearning_rate: 0.0002\r\nlr_scheduler: constant_with_warmup\r\nwarmup_steps: 10\r\nmax_steps: 400\r\n',
  },
  {
    name: 'Axolotl, cosine with a floor at the LR',
    fileName: 'axolotl.yaml',
    rule: 'constant-lr',
    text: 'base_model: some/model\nmicro_batch_size: 2\nnum_epochs: 1\nsequence_len: 1024\nlearning_rate: 2e-5\ncosine_min_lr_ratio: 1.0\nmax_steps: 300\n',
  },
  {
    name: 'Composer, constant_with_warmup (t_warmup kept)',
    fileName: 'yamls/pretrain/tiny.yaml',
    rule: 'constant-lr',
    text: "variables:\n  run: x\nmax_duration: 2000ba\nmodel:\n  name: mpt_causal_lm\noptimizer:\n  name: decoupled_adamw\n  lr: 6.0e-4\nscheduler:\n  name: constant_with_warmup\n  t_warmup: '100ba'\nfsdp_config: {}\n",
  },
  {
    name: 'NeMo, WarmupHoldPolicy (4-space indent, warmup kept)',
    fileName: 'conf/tiny.yaml',
    rule: 'constant-lr',
    text: 'trainer:\n    max_steps: 5000\nmodel:\n    optim:\n        name: adamw\n        lr: 1e-4\n        sched:\n            name: WarmupHoldPolicy\n            warmup_steps: 250\n            hold_steps: 100\nexp_manager:\n    name: x\n',
  },
  {
    name: 'NeMo, no sched block',
    fileName: 'conf/tiny.yaml',
    rule: 'constant-lr',
    text: 'trainer:\n  max_steps: 5000\nmodel:\n  optim:\n    name: adamw\n    lr: 1e-4\n    weight_decay: 0.01\nexp_manager:\n  name: x\n',
  },
  {
    name: 'DeepSpeed JSON, WarmupLR (warmup kept, length assumed)',
    fileName: 'ds_config.json',
    rule: 'constant-lr',
    text: '{\n  "train_batch_size": 32,\n  "optimizer": {\n    "type": "AdamW",\n    "params": {\n      "lr": 2e-5\n    }\n  },\n  "scheduler": {\n    "type": "WarmupLR",\n    "params": {\n      "warmup_min_lr": 0,\n      "warmup_max_lr": 2e-5,\n      "warmup_num_steps": 100\n    }\n  },\n  "fp16": {"enabled": true}\n}\n',
  },
  {
    name: 'DeepSpeed JSON with "auto" values from the HF Trainer',
    fileName: 'ds_config.json',
    rule: 'constant-lr',
    text: '{\n  "train_micro_batch_size_per_gpu": "auto",\n  "optimizer": {"type": "AdamW", "params": {"lr": 3e-5}},\n  "scheduler": {"type": "WarmupLR", "params": {"warmup_min_lr": "auto", "warmup_max_lr": "auto", "warmup_num_steps": "auto"}},\n  "bf16": {"enabled": "auto"}\n}\n',
  },
  {
    name: 'detectron2, multi-step milestones',
    fileName: 'configs/tiny.yaml',
    rule: 'piecewise-schedule',
    text: 'MODEL:\n  META_ARCHITECTURE: GeneralizedRCNN\nSOLVER:\n  IMS_PER_BATCH: 16\n  BASE_LR: 0.02\n  STEPS: (6000, 8000)\n  MAX_ITER: 9000\n',
  },
  {
    name: 'Ultralytics, lrf 1.0',
    fileName: 'hyp.tiny.yaml',
    rule: 'constant-lr',
    text: 'lr0: 0.01\nlrf: 1.0\nmomentum: 0.937\nwarmup_epochs: 3.0\nwarmup_momentum: 0.8\nepochs: 100\n',
  },
  {
    name: 'fairseq, fixed schedule (Hydra block)',
    fileName: 'fairseq/tiny.yaml',
    rule: 'constant-lr',
    text: 'task:\n  _name: translation\noptimizer:\n  _name: adam\noptimization:\n  max_update: 20000\n  lr: [0.0005]\nlr_scheduler:\n  _name: fixed\n  warmup_updates: 500\n',
  },
  {
    name: 'fairseq, per-epoch LR list in a flow mapping',
    fileName: 'fairseq/tiny.yaml',
    rule: 'piecewise-schedule',
    text: 'task:\n  _name: translation\noptimizer:\n  _name: adam\noptimization: {max_epoch: 3, lr: [0.001, 0.0005, 0.0001]}\nlr_scheduler: {_name: fixed}\n',
  },
  {
    name: 'timm, multistep',
    fileName: 'timm/args.yaml',
    rule: 'piecewise-schedule',
    text: 'model: resnet50\nopt: sgd\nlr: 0.1\nsched: multistep\ndecay_milestones: [30, 60]\nepochs: 90\nwarmup_epochs: 5\nwarmup_lr: 1.0e-5\nmixup: 0.2\n',
  },
  {
    name: 'TF Model Garden, stepwise boundaries',
    fileName: 'configs/experiments/tiny.yaml',
    rule: 'piecewise-schedule',
    text: 'runtime:\n  distribution_strategy: mirrored\ntask:\n  model:\n    num_classes: 10\ntrainer:\n  train_steps: 10000\n  optimizer_config:\n    optimizer:\n      type: sgd\n    learning_rate:\n      type: stepwise\n      stepwise:\n        boundaries: [3000, 6000]\n        values: [0.1, 0.01, 0.001]\n    warmup:\n      type: linear\n      linear:\n        warmup_steps: 500\n',
  },
  {
    name: 'Hugging Face, constant (JSON)',
    fileName: 'args.json',
    rule: 'constant-lr',
    text: '{\n  "output_dir": "out",\n  "learning_rate": 1e-5,\n  "lr_scheduler_type": "constant",\n  "warmup_ratio": 0.05,\n  "max_steps": 800\n}\n',
  },
];
