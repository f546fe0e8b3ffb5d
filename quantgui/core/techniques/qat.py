"""Quantization-aware training: fine-tune with fake quantization, then convert to int8."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quantgui.core.techniques.base import Technique

if TYPE_CHECKING:
    from quantgui.core.recipes import Recipe

_QAT_QCONFIG = '''def qconfig_mapping(model: nn.Module) -> QConfigMapping:
    """Fake-quantization settings: learned activation ranges, per-channel weights, softmax
    kept float (FX's fixed-range int8 softmax ruins attention scores)."""
    activation = FusedMovingAvgObsFakeQuantize.with_args(
        observer=MovingAverageMinMaxObserver, quant_min=0, quant_max=255,
        reduce_range={reduce_range})
    mapping = get_default_qat_qconfig_mapping(BACKEND).set_global(
        QConfig(activation=activation, weight=default_fused_per_channel_wt_fake_quant))
    for softmax in (nn.Softmax, F.softmax, torch.softmax):
        mapping.set_object_type(softmax, None)
    mapping.set_object_type(nn.Embedding, None)  # QAT embeddings need float_qparams weights
    # torch.nn modules that FX runs whole but that hold layers (nn.TransformerEncoder,
    # nn.MultiheadAttention) train in float: prepare_qat would swap the layers inside, which
    # convert cannot reach and leaves broken
    for module in model.modules():
        if (type(module).__module__.startswith(("torch.nn", "torch.ao.nn"))
                and not isinstance(module, nn.Sequential) and any(True for _ in module.children())):
            mapping.set_object_type(type(module), None)
    for name in KEEP_FLOAT:
        mapping.set_module_name(name, None)
    return mapping
'''


# The QAT script runs unchanged under ``torchrun --nproc_per_node N``: DistributedDataParallel
# averages the gradients, a DistributedSampler shares out each epoch, rank 0 converts, reports
# and saves (the same file as a single process). Run plainly, it is one process as before.
DISTRIBUTED_IMPORTS = ("import os\n\nimport torch.distributed as dist\n"
                       "from torch.nn.parallel import DistributedDataParallel\n"
                       "from torch.utils.data import DistributedSampler\n")
DISTRIBUTED_SETUP = '''def setup_distributed() -> tuple[int, int, torch.device]:
    """(rank, processes, device). Run plainly: (0, 1, DEVICE). Run with
    ``torchrun --nproc_per_node N this_script.py ...`` (one process per GPU, or several on the
    CPU): each process joins the group (NCCL on GPUs, gloo on CPUs) and trains on its share of
    the data; the effective batch is N x BATCH_SIZE."""
    processes = int(os.environ.get("WORLD_SIZE", "1"))
    if processes <= 1:
        return 0, 1, DEVICE
    device = DEVICE
    if DEVICE.type == "cuda":
        device = torch.device("cuda", int(os.environ.get("LOCAL_RANK", "0")))
        torch.cuda.set_device(device)
    if not dist.is_initialized():
        dist.init_process_group("nccl" if device.type == "cuda" else "gloo")
    return dist.get_rank(), dist.get_world_size(), device
'''


def script_section(recipe: Recipe) -> tuple[str, str]:
    imports = ("import math\n\nimport torch.nn.functional as F\n"
               "from torch.ao.nn.intrinsic.qat import freeze_bn_stats\n"
               "from torch.ao.quantization import (FusedMovingAvgObsFakeQuantize, "
               "MovingAverageMinMaxObserver,\n    QConfig, QConfigMapping, "
               "default_fused_per_channel_wt_fake_quant, disable_observer,\n"
               "    get_default_qat_qconfig_mapping)\n"
               "from torch.ao.quantization.quantize_fx import convert_fx, prepare_qat_fx\n"
               + DISTRIBUTED_IMPORTS)
    optimizer = ("torch.optim.Adam(parameters, lr=LEARNING_RATE)" if recipe.optimizer == "adam"
                 else "torch.optim.SGD(parameters, lr=LEARNING_RATE, momentum=0.9)")
    lr_line = ("LEARNING_RATE * 0.5 * (1 + math.cos(math.pi * step_index / total_steps))"
               if recipe.lr_schedule == "cosine" else "LEARNING_RATE")
    freeze = ""
    if recipe.freeze_observers_epoch is not None:
        freeze += (f"        if epoch > {recipe.freeze_observers_epoch}:  # ranges stop moving\n"
                   "            prepared.apply(disable_observer)\n")
    if recipe.freeze_bn_epoch is not None:
        freeze += (f"        if epoch > {recipe.freeze_bn_epoch}:  # batch-norm stats freeze\n"
                   "            prepared.apply(freeze_bn_stats)\n")
    loss = ("F.cross_entropy(trained(inputs), labels[idx].to(device))"
            if recipe.loss != "distillation" else
            "F.mse_loss(trained(inputs).float(), teacher[idx].to(device))")
    teacher = ("" if recipe.loss != "distillation" else
               "    with torch.no_grad():  # the original's outputs are the targets\n"
               "        teacher = torch.cat([model(train_inputs[i:i + BATCH_SIZE]) for i in "
               "range(0, count, BATCH_SIZE)])\n")
    return imports, _QAT_QCONFIG.format(reduce_range=recipe.effective_reduce_range) + f'''

EPOCHS = {recipe.epochs}
LEARNING_RATE = {recipe.learning_rate!r}
SEED = {recipe.seed}
DEVICE = torch.device({recipe.device!r})

''' + DISTRIBUTED_SETUP + f'''

def quantize(model: nn.Module, data) -> nn.Module | None:
    """Quantization-aware training: fine-tune with fake quantization (float math that rounds
    like int8) so the weights adapt to the rounding, then convert to real int8 layers.
    Under torchrun, every process trains its share of each epoch and rank 0 returns the
    model (the others return None)."""
    train_inputs, labels = data[0], data[1]
    count = len(train_inputs)
    rank, processes, device = setup_distributed()
{teacher}    prepared = prepare_qat_fx(copy.deepcopy(model).train(), qconfig_mapping(model),
                              (train_inputs[:BATCH_SIZE],))
    prepared.to(device).train()
    # several processes: gradients are averaged across them at every step
    trained = prepared if processes == 1 else DistributedDataParallel(
        prepared, device_ids=[device.index] if device.type == "cuda" else None)
    parameters = [p for p in prepared.parameters() if p.requires_grad]
    optimizer = {optimizer}
    # several processes: each takes its share of a shuffle that all of them agree on
    sampler = None if processes == 1 else DistributedSampler(
        range(count), num_replicas=processes, rank=rank, shuffle=True, seed=SEED)
    steps_per_epoch = math.ceil((count if sampler is None else len(sampler)) / BATCH_SIZE)
    total_steps = steps_per_epoch * EPOCHS
    generator = torch.Generator().manual_seed(SEED)
    step_index = 0
    for epoch in range(1, EPOCHS + 1):
        prepared.train()
{freeze}        if sampler is None:
            order = torch.randperm(count, generator=generator)
        else:
            sampler.set_epoch(epoch)
            order = torch.tensor(list(sampler))
        for step in range(steps_per_epoch):
            for group in optimizer.param_groups:
                group["lr"] = {lr_line}
            idx = order[step * BATCH_SIZE:(step + 1) * BATCH_SIZE]
            inputs = train_inputs[idx].to(device)
            optimizer.zero_grad(set_to_none=True)
            loss = {loss}
            loss.backward()
            optimizer.step()
            step_index += 1
        if rank == 0:
            print(f"epoch {{epoch}}/{{EPOCHS}}: last loss {{loss.item():.4f}}")
    if processes > 1:
        # all processes finish their last step, and DDP (which holds the group and its
        # gloo threads) goes, before the group is destroyed: otherwise a process that
        # leaves first can abort the other at exit
        dist.barrier()
        del trained
        dist.destroy_process_group()
        if rank != 0:
            return None  # rank 0 converts, reports and saves
    # int8 kernels run on the CPU, and convert on CUDA fails: move to the CPU first.
    return convert_fx(prepared.cpu().eval())
'''


def planning_recipe(recipe: Recipe) -> Recipe:
    """QAT converts to the same int8 modules as static quantization: plan with that."""
    return recipe.as_static(observer="minmax", calibration_batches=1)


def ranking_recipe(recipe: Recipe) -> Recipe:
    """Ranking by QAT would train once per layer: rank with static quantization."""
    return recipe.as_static()


TECHNIQUE = Technique(
    name="qat",
    title="QAT",
    summary=("The model is fine-tuned with fake quantization so that it learns to live with "
             "int8 rounding. It takes longer than static quantization but recovers accuracy "
             "that it loses."),
    recipe_path="quantgui.core.recipes:QatRecipe",
    torch_ao_path="quantgui.core.methods.qat:quantize",
    int8_note="int8 weights and activations, trained with fake quantization",
    float_note="no int8 kernel for {type} in QAT; kept float",
    planning_recipe=planning_recipe,
    ranking_recipe=ranking_recipe,
    script_section=script_section,
    trains=True,
    converts_convolutions=True,
)
