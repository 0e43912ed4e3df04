#!/usr/bin/env python3
"""The PyTorch side of `mllib bench`: the same LeNet-bench, data and timings as mllib's Bench.

Reads the MNIST IDX files itself (no torchvision), trains LeNet-bench for one epoch
(Conv(1->6,5x5,pad 2)-ReLU-MaxPool2 -> Conv(6->16,5x5)-ReLU-MaxPool2 -> Flatten -> Linear(400->120)-ReLU
-> Linear(120->84)-ReLU -> Linear(84->10), softmax cross-entropy, Adam lr 1e-3, batch 64, pixels in [0,1])
and prints `name: value unit` lines that Bench parses. Also times numpy's and torch's GEMM.

Usage: bench-pytorch.py --mnist DIR --threads N [--train-images N] [--gemm 128,256,512,1024] [--skip-train]
       [--openblas .cache/openblas/.../libopenblas.so.0] [--net lenet|deepcnn]

Before any BLAS is loaded it removes OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE from its own environment and sets
OMP_NUM_THREADS, OPENBLAS_NUM_THREADS and MKL_NUM_THREADS to --threads, then prints which BLAS numpy and torch
mapped (numpy.blas, torch.blas lines).
"""
import argparse
import ctypes
import os
import re
import struct
import sys
import time

# Environment settings that make OpenBLAS run a fallback kernel or tiny blocks (some machines of this kind set
# them): removed for this process only, before any BLAS is loaded, so the baseline runs as a user's would.
WEAKENING_ENV = ('OPENBLAS_CORETYPE', 'OPENBLAS_L2_SIZE')
# Every thread pool a PyTorch/numpy process may start: pinned to --threads, so "1 thread" means one core.
THREAD_ENV = ('OMP_NUM_THREADS', 'OPENBLAS_NUM_THREADS', 'MKL_NUM_THREADS')
BLAS_NAMES = re.compile(r'lib(open)?blas|libcblas|libmkl|libblis|libatlas|libflexiblas')


def read_idx(path, magic):
    with open(path, 'rb') as f:
        data = f.read()
    got, = struct.unpack('>I', data[:4])
    if got != magic:
        raise SystemExit(f'{path}: magic {got:#x}, expected {magic:#x}')
    dims = data[3]
    shape = struct.unpack('>' + 'I' * dims, data[4:4 + 4 * dims])
    return data[4 + 4 * dims:], shape


def gemm_lines(sizes, torch):
    try:
        import numpy as np
        for n in sizes:
            a = np.random.rand(n, n).astype(np.float32)
            b = np.random.rand(n, n).astype(np.float32)
            print(f'numpy.gemm.{n}: {gflops(lambda: a @ b, n):.2f} GFLOP/s')
    except ImportError:
        pass
    for n in sizes:
        a = torch.rand(n, n)
        b = torch.rand(n, n)
        print(f'torch.gemm.{n}: {gflops(lambda: a @ b, n):.2f} GFLOP/s')


def openblas_lines(sizes, path, threads):
    """cblas_sgemm from an unpacked OpenBLAS (scripts/fetch-openblas.sh), on numpy's float32 arrays."""
    import numpy as np
    lib = ctypes.CDLL(path)
    lib.openblas_set_num_threads(ctypes.c_int(threads))
    print(f'openblas.blas: {describe_openblas(path)}')
    fp = ctypes.POINTER(ctypes.c_float)
    lib.cblas_sgemm.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_int,
                                ctypes.c_float, fp, ctypes.c_int, fp, ctypes.c_int, ctypes.c_float, fp, ctypes.c_int]
    row_major, no_trans = 101, 111
    for n in sizes:
        a = np.random.rand(n, n).astype(np.float32)
        b = np.random.rand(n, n).astype(np.float32)
        c = np.zeros((n, n), dtype=np.float32)
        pa, pb, pc = (x.ctypes.data_as(fp) for x in (a, b, c))

        def run():
            lib.cblas_sgemm(row_major, no_trans, no_trans, n, n, n, 1.0, pa, n, pb, n, 0.0, pc, n)
        run()
        if not np.allclose(c, a @ b, rtol=1e-3, atol=1e-3):
            raise SystemExit(f'OpenBLAS sgemm at {n} disagrees with numpy')
        print(f'openblas.gemm.{n}: {gflops(run, n):.2f} GFLOP/s')


def mapped_blas():
    """The BLAS libraries this process has mapped (/proc/self/maps shows the files behind libblas.so.3's links)."""
    found = []
    try:
        with open('/proc/self/maps') as f:
            for line in f:
                path = line.split()[-1] if len(line.split()) >= 6 else ''
                if path.startswith('/') and BLAS_NAMES.search(os.path.basename(path)) and path not in found:
                    found.append(path)
    except OSError:
        pass
    return found


def blas_kind(path):
    p = path.lower()
    for kind in ('mkl', 'openblas', 'blis', 'atlas', 'flexiblas'):
        if kind in p:
            return kind
    # Debian's reference BLAS: /usr/lib/<arch>/blas/libblas.so.3 (netlib, ~2-6 GFLOP/s)
    return 'reference' if 'libblas' in p or 'libcblas' in p else 'unknown'


def describe_openblas(path):
    """Version, core (the kernel it chose for this CPU) and threads of an OpenBLAS library, or '' if it is not one."""
    try:
        lib = ctypes.CDLL(path)
        lib.openblas_get_corename.restype = ctypes.c_char_p
        lib.openblas_get_config.restype = ctypes.c_char_p
        core = lib.openblas_get_corename().decode()
        config = lib.openblas_get_config().decode().split()
        version = config[1] if len(config) > 1 else '?'
        return f'openblas {version} core={core} threads={lib.openblas_get_num_threads()} path={path}'
    except (OSError, AttributeError):
        return ''


def describe_blas(paths, label):
    """One line per library: 'kind [version core threads] path=...', joined with '; '."""
    if not paths:
        return 'none-mapped'
    parts = []
    for path in paths:
        kind = blas_kind(path)
        detail = describe_openblas(path) if kind == 'openblas' else ''
        parts.append(detail or f'{kind} path={path}')
    return '; '.join(parts)


def threadpool_lines():
    """threadpoolctl's view (when installed): what each loaded BLAS/OpenMP runtime says about itself."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        print('threadpoolctl: absent')
        return
    for i, pool in enumerate(threadpool_info()):
        print(f"threadpoolctl.{i}: {pool.get('internal_api')} {pool.get('version')} "
              f"core={pool.get('architecture', '-')} threads={pool.get('num_threads')} path={pool.get('filepath')}")


def gflops(fn, n):
    fn()
    flops = 2.0 * n ** 3
    reps, elapsed = 1, 0.0
    while True:
        t = time.perf_counter()
        for _ in range(reps):
            fn()
        elapsed = time.perf_counter() - t
        if elapsed > 0.5:
            return flops * reps / elapsed / 1e9
        reps *= 2


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--mnist', required=True)
    p.add_argument('--threads', type=int, required=True)
    p.add_argument('--train-images', type=int, default=60000)
    p.add_argument('--gemm', default='')
    p.add_argument('--skip-train', action='store_true')
    p.add_argument('--openblas', default='', help='libopenblas.so.0 to time cblas_sgemm from (fetch-openblas.sh)')
    p.add_argument('--seed', type=int, default=1)
    p.add_argument('--net', default='lenet', choices=('lenet', 'deepcnn'),
                   help="lenet: LeNet-bench, batch 64; deepcnn: the book's deep CNN, batch 100 (training only)")
    args = p.parse_args()

    removed = [f'{k}={os.environ.pop(k)}' for k in WEAKENING_ENV if k in os.environ]
    for k in THREAD_ENV:
        os.environ[k] = str(args.threads)
    print(f"baseline.env: removed {' '.join(removed) or 'nothing'}; {'='.join(THREAD_ENV)}={args.threads}")

    try:
        import numpy  # noqa: F401  (its BLAS is mapped now)
        print(f"numpy.blas: {describe_blas(mapped_blas(), 'numpy')}")
    except ImportError:
        print('numpy.blas: absent')
    before = set(mapped_blas())
    import torch
    from torch import nn
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    torch.mm(torch.ones(64, 64), torch.ones(64, 64))  # maps a lazily loaded BLAS
    own = [p for p in mapped_blas() if p not in before] or mapped_blas()
    if torch.backends.mkl.is_available():
        print(f'torch.blas: mkl (built into torch); also mapped: {describe_blas(own, "torch")}')
    else:
        print(f'torch.blas: {describe_blas(own, "torch")}')
    threadpool_lines()
    print(f'torch.version: {torch.__version__}')
    print(f'torch.threads: {torch.get_num_threads()}')

    if args.gemm:
        gemm_lines([int(s) for s in args.gemm.split(',')], torch)
        if args.openblas:
            openblas_lines([int(s) for s in args.gemm.split(',')], args.openblas, args.threads)
    if args.skip_train:
        return

    pix, shape = read_idx(f'{args.mnist}/train-images-idx3-ubyte', 0x803)
    lab, lshape = read_idx(f'{args.mnist}/train-labels-idx1-ubyte', 0x801)
    count = min(args.train_images, shape[0])
    x = torch.frombuffer(bytearray(pix), dtype=torch.uint8).view(shape[0], 1, 28, 28)[:count].float().div_(255.0)
    y = torch.frombuffer(bytearray(lab), dtype=torch.uint8)[:count].long()

    if args.net == 'lenet':
        batch = 64
        model = nn.Sequential(
            nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
            nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))
    else:
        # the book's DeepConvNet as mllib's models.DeepCnn (the fourth convolution pads by 2)
        batch = 100
        model = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.Conv2d(16, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.Conv2d(32, 32, 3, padding=2), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.Conv2d(64, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1024, 50), nn.ReLU(), nn.Dropout(0.5), nn.Linear(50, 10), nn.Dropout(0.5))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()

    def epoch(limit):
        perm = torch.randperm(count)
        seen, loss_sum, batches = 0, 0.0, 0
        for start in range(0, min(limit, count), batch):
            idx = perm[start:start + batch]
            xb, yb = x[idx], y[idx]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            seen += len(idx)
            batches += 1
            loss_sum += loss.item()
        return seen, loss_sum / max(1, batches)

    model.train()
    epoch(batch * 20)  # warm-up: first-call allocations, thread start
    t = time.perf_counter()
    seen, mean_loss = epoch(count)
    dt = time.perf_counter() - t
    print(f'train.images_per_s: {seen / dt:.1f} images/s')
    print(f'train.epoch_s: {dt:.3f} s')
    print(f'train.mean_loss: {mean_loss:.4f}')
    if args.net != 'lenet':
        sys.stdout.flush()
        return

    model.eval()
    with torch.no_grad():
        one = x[:1]
        for _ in range(100):
            model(one)
        times = []
        for i in range(1000):
            xi = x[i % count:i % count + 1]
            t = time.perf_counter()
            model(xi)
            times.append(time.perf_counter() - t)
        times.sort()
        print(f'infer.single_median_ms: {times[len(times) // 2] * 1e3:.4f} ms')
        big = x[:1000]
        model(big)
        reps, elapsed = 0, 0.0
        t = time.perf_counter()
        while elapsed < 1.0 or reps < 3:
            model(big)
            reps += 1
            elapsed = time.perf_counter() - t
        print(f'infer.batch1000_images_per_s: {1000 * reps / elapsed:.1f} images/s')
        correct = (model(x[:10000]).argmax(1) == y[:10000]).float().mean().item() if count >= 10000 else float('nan')
        print(f'train.accuracy_on_first_10000_train: {correct:.4f}')
    sys.stdout.flush()


if __name__ == '__main__':
    main()
