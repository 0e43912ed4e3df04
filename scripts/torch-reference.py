#!/usr/bin/python3
"""PyTorch's side of mllib's famous architectures (Debian's python3-torch 1.13 and python3-torchvision 0.14).

  torch-reference.py counts
      torchvision's parameter count of each architecture at 224x224x3 / 1000 classes, per layer too; the output is
      committed as mllib/src/test/resources/torchvision/param-counts.txt and compared by ArchitecturesTest.

  torch-reference.py fixtures DIR
      for each network of the logits test, with a fixed seed: DIR/<net>.safetensors (its state dict, PyTorch's
      names and layouts), DIR/<net>.input.f32 and DIR/<net>.logits.f32 (little-endian float32, NCHW input and
      the logits of model.eval()). Batch-norm statistics and affine parameters are randomised so that they matter.

  torch-reference.py logits WEIGHTS.safetensors NET INPUT.f32 OUT.f32 N C H W
      loads weights exported by mllib into the torchvision module NET (strict names) and writes its logits.

Exit code 3 when torch or torchvision is missing (the Java tests skip locally and fail in CI).
"""
import json
import struct
import sys

try:
    import torch
    import torchvision
    from torchvision import models
    from torchvision.models.vgg import make_layers
except ImportError as e:  # pragma: no cover
    print("torch/torchvision not installed: apt-get install python3-torch python3-torchvision (%s)" % e)
    sys.exit(3)

def alexnet2012(divisor=1, classes=1000):
    """AlexNet as published (Krizhevsky et al. 2012): 96-256-384-384-256 channels, local response normalisation
    (window 5, the paper's alpha 1e-4 = PyTorch's 5e-4, beta 0.75, k 2) after the first two convolutions, on one
    device (the paper's two-GPU grouping of conv2/4/5 left out); torchvision's AlexNet module otherwise, so the names
    match mllib's AlexNet.published. `divisor` divides every width (tests)."""
    nn = torch.nn
    w = [max(1, c // divisor) for c in (96, 256, 384, 384, 256)]
    m = models.alexnet(num_classes=classes)
    m.features = nn.Sequential(
        nn.Conv2d(3, w[0], 11, 4, 2), nn.ReLU(True), nn.LocalResponseNorm(5, 5e-4, 0.75, 2.0), nn.MaxPool2d(3, 2),
        nn.Conv2d(w[0], w[1], 5, padding=2), nn.ReLU(True), nn.LocalResponseNorm(5, 5e-4, 0.75, 2.0),
        nn.MaxPool2d(3, 2),
        nn.Conv2d(w[1], w[2], 3, padding=1), nn.ReLU(True), nn.Conv2d(w[2], w[3], 3, padding=1), nn.ReLU(True),
        nn.Conv2d(w[3], w[4], 3, padding=1), nn.ReLU(True), nn.MaxPool2d(3, 2))
    hidden = 4096 // divisor
    m.classifier = nn.Sequential(
        nn.Dropout(), nn.Linear(w[4] * 6 * 6, hidden), nn.ReLU(True), nn.Dropout(), nn.Linear(hidden, hidden),
        nn.ReLU(True), nn.Linear(hidden, classes))
    return m


FULL = {
    "alexnet": lambda: models.alexnet(),
    "vgg11": lambda: models.vgg11(),
    "vgg16": lambda: models.vgg16(),
    "googlenet": lambda: models.googlenet(aux_logits=False, init_weights=True),
    "resnet18": lambda: models.resnet18(),
    "resnet34": lambda: models.resnet34(),
    "alexnet2012": alexnet2012,  # not in torchvision: the paper's layers in torch.nn (above)
}


def vgg11_narrow(divisor=8, classes=10):
    """torchvision's VGG-11 with every width divided by `divisor` (mllib: ImageInput(3, 32, 10, 8))."""
    m = models.vgg11(num_classes=classes)
    cfg = [c if c == "M" else c // divisor for c in [64, "M", 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"]]
    m.features = make_layers(cfg)
    hidden = 4096 // divisor
    m.classifier = torch.nn.Sequential(
        torch.nn.Linear(512 // divisor * 7 * 7, hidden), torch.nn.ReLU(True), torch.nn.Dropout(),
        torch.nn.Linear(hidden, hidden), torch.nn.ReLU(True), torch.nn.Dropout(),
        torch.nn.Linear(hidden, classes))
    return m


# the logits test: (name, module factory, input shape)
FIXTURES = [
    ("resnet18", lambda: models.resnet18(), (2, 3, 64, 64)),
    ("googlenet", lambda: models.googlenet(aux_logits=False, init_weights=True), (2, 3, 64, 64)),
    ("vgg11", vgg11_narrow, (2, 3, 32, 32)),
]

def resnet18_cifar(classes=10):
    """torchvision's ResNet-18 with mllib's small stem (ImageInput.cifar): 3x3 stride-1 conv1, no max-pool."""
    m = models.resnet18(num_classes=classes)
    m.conv1 = torch.nn.Conv2d(3, 64, 3, 1, 1, bias=False)
    m.maxpool = torch.nn.Identity()
    return m


NETS = {"resnet18": lambda: models.resnet18(), "resnet34": lambda: models.resnet34(), "resnet18-cifar": resnet18_cifar,
        "googlenet": lambda: models.googlenet(aux_logits=False, init_weights=False),
        "vgg11-narrow": vgg11_narrow, "alexnet2012": alexnet2012, "alexnet2012-narrow": lambda: alexnet2012(8, 10)}


def counts():
    for name, make in FULL.items():
        m = make()
        print("%s %d" % (name, sum(p.numel() for p in m.parameters())))
        for child, module in m.named_children():
            n = sum(p.numel() for p in module.parameters())
            print("  %s %d" % (child, n))


def write_safetensors(path, state):
    header = {}
    blobs = []
    offset = 0
    for name, t in state.items():
        t = t.detach().contiguous()
        if t.dtype == torch.float32:
            dtype, raw = "F32", t.numpy().astype("<f4").tobytes()
        elif t.dtype == torch.int64:
            dtype, raw = "I64", t.numpy().astype("<i8").tobytes()
        else:
            raise SystemExit("unexpected dtype %s of %s" % (t.dtype, name))
        header[name] = {"dtype": dtype, "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    head = json.dumps(header, separators=(",", ":")).encode()
    head += b" " * (-len(head) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(head)))
        f.write(head)
        for b in blobs:
            f.write(b)


def read_safetensors(path):
    import numpy as np
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    base = 8 + n
    state = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        b, e = info["data_offsets"]
        dt = {"F32": "<f4", "I64": "<i8"}[info["dtype"]]
        state[name] = torch.from_numpy(np.frombuffer(data[base + b:base + e], dtype=dt).copy().reshape(info["shape"]))
    return state


def randomise_batchnorm(m, g):
    for mod in m.modules():
        if isinstance(mod, torch.nn.BatchNorm2d):
            with torch.no_grad():
                mod.weight.copy_(1 + 0.2 * torch.randn(mod.weight.shape, generator=g))
                mod.bias.copy_(0.2 * torch.randn(mod.bias.shape, generator=g))
                mod.running_mean.copy_(0.2 * torch.randn(mod.running_mean.shape, generator=g))
                mod.running_var.copy_(0.5 + torch.rand(mod.running_var.shape, generator=g))


def fixtures(out):
    import os
    os.makedirs(out, exist_ok=True)
    for name, make, shape in FIXTURES:
        torch.manual_seed(1)
        g = torch.Generator().manual_seed(2)
        m = make()
        randomise_batchnorm(m, g)
        m.eval()
        x = torch.randn(shape, generator=g)
        with torch.no_grad():
            y = m(x)
        write_safetensors(os.path.join(out, name + ".safetensors"), m.state_dict())
        x.numpy().astype("<f4").tofile(os.path.join(out, name + ".input.f32"))
        y.numpy().astype("<f4").tofile(os.path.join(out, name + ".logits.f32"))
        print("%s: input %s, logits %s" % (name, list(shape), list(y.shape)))


def logits(weights, net, inp, out, shape):
    import numpy as np
    m = NETS[net]()
    m.load_state_dict(read_safetensors(weights), strict=True)
    m.eval()
    x = torch.from_numpy(np.fromfile(inp, dtype="<f4").reshape(shape))
    with torch.no_grad():
        m(x).numpy().astype("<f4").tofile(out)


if __name__ == "__main__":
    torch.set_num_threads(1)
    if sys.argv[1:2] == ["counts"]:
        counts()
    elif sys.argv[1:2] == ["fixtures"] and len(sys.argv) == 3:
        fixtures(sys.argv[2])
    elif sys.argv[1:2] == ["logits"] and len(sys.argv) == 10:
        logits(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], [int(v) for v in sys.argv[6:10]])
    else:
        print(__doc__)
        sys.exit(2)
