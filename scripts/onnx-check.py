#!/usr/bin/env python3
"""Checks an .onnx file with the ONNX project's own checker (Debian's python3-onnx), full type and shape inference.

usage: /usr/bin/python3 scripts/onnx-check.py MODEL.onnx
exit 0: valid (prints the opset and the graph's inputs/outputs); 1: invalid (prints why); 3: onnx not installed.
"""
import sys

try:
    import onnx
    from onnx import checker, shape_inference
except ImportError as e:  # the caller decides whether a missing checker is a failure (CI) or a skip
    print(f"onnx-check: cannot import onnx ({e}); install with: apt-get install python3-onnx")
    sys.exit(3)

model = onnx.load(sys.argv[1])
try:
    checker.check_model(model, full_check=True)
    inferred = shape_inference.infer_shapes(model, strict_mode=True)
except Exception as e:  # noqa: BLE001 -- the checker raises several types; all mean "invalid"
    print(f"onnx-check: INVALID: {e}")
    sys.exit(1)
ops = sorted({n.op_type for n in model.graph.node})
print(f"onnx-check: OK, ir {model.ir_version}, opset {model.opset_import[0].version}, ops {ops}, "
      f"{len(inferred.graph.value_info)} inferred intermediate shapes")
