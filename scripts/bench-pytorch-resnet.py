#!/usr/bin/python3
"""The PyTorch side of `mllib bench`'s ResNet-18 lines (bench.ResNetTiming): torchvision's resnet18 with mllib's
weights (safetensors, PyTorch's names), so both sides run the very same network.

  bench-pytorch-resnet.py infer --threads N --weights W.safetensors --size 224 --classes 1000 --batches 1,8
                          --input X.f32 --logits OUT.f32 [--reps 5]
      median ms per forward of each batch (model.eval(), no_grad); writes the logits of the first image.
  bench-pytorch-resnet.py train --threads N --weights W.safetensors --input X.f32 --labels Y.f32 --batch B
                          --steps S [--lr 0.01]
      the 32x32 stem ResNet-18 (torch-reference.py's resnet18_cifar), model.train(), plain SGD, cross-entropy:
      one step from the given weights (its loss is train.first_loss), two warm-up steps, then the median ms of
      S steps, all on the same batch — the same sequence as mllib's side.

Input files are little-endian float32, NCHW (labels as floats). Environment handling (OpenBLAS variables
removed, thread pools pinned to --threads) and the BLAS lines are bench-pytorch.py's.
"""
import argparse
import importlib.util
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name, file):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, file))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def median_ms(fn, reps):
    fn()
    fn()
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    times.sort()
    return times[len(times) // 2] * 1e3


def main():
    p = argparse.ArgumentParser()
    p.add_argument('mode', choices=('infer', 'train'))
    p.add_argument('--threads', type=int, required=True)
    p.add_argument('--weights', required=True)
    p.add_argument('--input', required=True)
    p.add_argument('--size', type=int, default=32)
    p.add_argument('--classes', type=int, default=10)
    p.add_argument('--batches', default='1')
    p.add_argument('--logits', default='')
    p.add_argument('--reps', type=int, default=5)
    p.add_argument('--labels', default='')
    p.add_argument('--batch', type=int, default=32)
    p.add_argument('--steps', type=int, default=5)
    p.add_argument('--lr', type=float, default=0.01)
    args = p.parse_args()

    base = load('bench_pytorch', 'bench-pytorch.py')
    removed = [f'{k}={os.environ.pop(k)}' for k in base.WEAKENING_ENV if k in os.environ]
    for k in base.THREAD_ENV:
        os.environ[k] = str(args.threads)
    print(f"baseline.env: removed {' '.join(removed) or 'nothing'}; {'='.join(base.THREAD_ENV)}={args.threads}")
    before = set(base.mapped_blas())
    ref = load('torch_reference', 'torch-reference.py')  # imports torch and torchvision (exit 3 without them)
    import numpy as np
    import torch
    torch.set_num_threads(args.threads)
    torch.mm(torch.ones(64, 64), torch.ones(64, 64))  # maps a lazily loaded BLAS
    own = [q for q in base.mapped_blas() if q not in before] or base.mapped_blas()
    print(f'torch.blas: {base.describe_blas(own, "torch")}')
    print(f'torch.version: {torch.__version__}')
    print(f'torch.threads: {torch.get_num_threads()}')

    if args.mode == 'infer':
        model = ref.resnet18_cifar(args.classes) if args.size < 64 else \
            ref.models.resnet18(num_classes=args.classes)
        model.load_state_dict(ref.read_safetensors(args.weights), strict=True)
        model.eval()
        batches = [int(b) for b in args.batches.split(',')]
        x = torch.from_numpy(np.fromfile(args.input, dtype='<f4').reshape(max(batches), 3, args.size, args.size))
        with torch.no_grad():
            for b in batches:
                xb = x[:b].contiguous()
                print(f'infer.batch{b}.ms: {median_ms(lambda: model(xb), args.reps):.3f} ms')
            if args.logits:
                model(x[:1]).numpy().astype('<f4').tofile(args.logits)
    else:
        model = ref.resnet18_cifar(10)
        model.load_state_dict(ref.read_safetensors(args.weights), strict=True)
        model.train()
        x = torch.from_numpy(np.fromfile(args.input, dtype='<f4').reshape(args.batch, 3, 32, 32))
        y = torch.from_numpy(np.fromfile(args.labels, dtype='<f4')).long()
        opt = torch.optim.SGD(model.parameters(), lr=args.lr)
        loss_fn = torch.nn.CrossEntropyLoss()
        last = [0.0]

        def step():
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(x), y)
            loss.backward()
            opt.step()
            last[0] = loss.item()
            return last[0]
        print(f'train.first_loss: {step():.6f}')
        print(f'train.step.ms: {median_ms(step, args.steps):.3f} ms')
        print(f'train.last_loss: {last[0]:.6f}')
    sys.stdout.flush()


if __name__ == '__main__':
    main()
