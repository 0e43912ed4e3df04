#!/usr/bin/python3
"""Independent check of an mllib-exported .tflite model with Arm NN's TfLiteParser (CpuRef backend).

Usage:
  /usr/bin/python3 scripts/armnn-check.py MODEL.tflite [INPUT.f32 EXPECTED.f32] [--tol 1e-5]

INPUT.f32 / EXPECTED.f32 are raw little-endian float32 files: the model input (NHWC, as the .tflite expects
it) and the output mllib computed for it. Without them the model is only parsed, optimised and run on zeros.
Exit codes: 0 pass, 1 output mismatch or Arm NN rejected the model, 2 bad arguments, 3 Arm NN missing.

Needs Debian's python3-pyarmnn, libarmnn-cpuref-backend22 and python3-numpy; run it with /usr/bin/python3
(another python3 on PATH will not see Debian's packages).
"""
import os
import sys


def fail(code, message):
    print("armnn-check: FAIL: " + message, file=sys.stderr)
    sys.exit(code)


def parse_args(argv):
    tol = 1e-5
    files = []
    i = 0
    while i < len(argv):
        if argv[i] == "--tol":
            if i + 1 >= len(argv):
                fail(2, "--tol needs a value")
            tol = float(argv[i + 1])
            i += 2
        else:
            files.append(argv[i])
            i += 1
    if len(files) not in (1, 3):
        fail(2, "usage: armnn-check.py MODEL.tflite [INPUT.f32 EXPECTED.f32] [--tol 1e-5]")
    for f in files:
        if not os.path.isfile(f):
            fail(2, "no such file: " + f)
    return files, tol


def main():
    files, tol = parse_args(sys.argv[1:])
    try:
        import numpy as np
        import pyarmnn as ann
    except ImportError as e:
        fail(3, "cannot import Arm NN (%s); install with: apt-get install python3-pyarmnn "
                "libarmnn-cpuref-backend22 python3-numpy, and run with /usr/bin/python3" % e)

    parser = ann.ITfLiteParser()
    try:
        network = parser.CreateNetworkFromBinaryFile(files[0])
    except Exception as e:  # Arm NN raises its own exception types for unsupported ops/layouts
        fail(1, "Arm NN's TfLiteParser rejected %s: %s" % (files[0], e))
    inputs = parser.GetSubgraphInputTensorNames(0)
    outputs = parser.GetSubgraphOutputTensorNames(0)
    if len(inputs) != 1 or len(outputs) != 1:
        fail(1, "expected one input and one output, got %s -> %s" % (inputs, outputs))
    in_info = parser.GetNetworkInputBindingInfo(0, inputs[0])
    out_info = parser.GetNetworkOutputBindingInfo(0, outputs[0])
    in_shape = tuple(in_info[1].GetShape())
    out_shape = tuple(out_info[1].GetShape())

    runtime = ann.IRuntime(ann.CreationOptions())
    backends = [str(b) for b in runtime.GetDeviceSpec().GetSupportedBackends()]
    if "CpuRef" not in backends:
        fail(3, "Arm NN's CpuRef backend is missing (have %s); apt-get install libarmnn-cpuref-backend22" % backends)
    optimized, messages = ann.Optimize(network, [ann.BackendId("CpuRef")], runtime.GetDeviceSpec(),
                                       ann.OptimizerOptions())
    net_id, _ = runtime.LoadNetwork(optimized)

    n_in = int(np.prod(in_shape))
    if len(files) == 3:
        x = np.fromfile(files[1], dtype="<f4")
        expected = np.fromfile(files[2], dtype="<f4")
        if x.size != n_in:
            fail(2, "%s holds %d floats but the model input %s needs %d" % (files[1], x.size, in_shape, n_in))
    else:
        x = np.zeros(n_in, dtype=np.float32)
        expected = None
    ins = ann.make_input_tensors([in_info], [x.reshape(in_shape).astype(np.float32)])
    outs = ann.make_output_tensors([out_info])
    runtime.EnqueueWorkload(net_id, ins, outs)
    y = ann.workload_tensors_to_ndarray(outs)[0].reshape(-1)

    print("armnn %s: %s input %r %s -> output %r %s" % (ann.ARMNN_VERSION, os.path.basename(files[0]), inputs[0],
                                                       in_shape, outputs[0], out_shape))
    if not np.all(np.isfinite(y)):
        fail(1, "Arm NN produced non-finite outputs")
    if expected is None:
        print("armnn-check: OK (parsed and ran; no expected output given)")
        return
    if expected.size != y.size:
        fail(1, "expected %d outputs, Arm NN produced %d" % (expected.size, y.size))
    err = float(np.abs(y - expected).max())
    print("armnn-check: max |armnn - mllib| = %.3e (tolerance %.1e)" % (err, tol))
    if err > tol:
        fail(1, "outputs differ by %.3e > %.1e" % (err, tol))
    print("armnn-check: OK")


if __name__ == "__main__":
    main()
