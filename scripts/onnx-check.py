#!/usr/bin/python3
"""onnx-check.py MODEL.onnx: Debian's python3-onnx checker (full check, with shape inference) on an exported model.
Prints the opset and node count; exit 0 valid, 1 invalid, 3 python3-onnx missing."""
import sys

try:
    import onnx
except ImportError as e:
    print("python3-onnx not installed: apt-get install python3-onnx (%s)" % e)
    sys.exit(3)

model = onnx.load(sys.argv[1])
try:
    onnx.checker.check_model(model, full_check=True)
except onnx.checker.ValidationError as e:
    print("invalid: %s" % e)
    sys.exit(1)
ops = sorted({n.op_type for n in model.graph.node})
print("valid: ir %d, opset %d, %d nodes, ops %s" % (model.ir_version, model.opset_import[0].version,
                                                    len(model.graph.node), " ".join(ops)))
