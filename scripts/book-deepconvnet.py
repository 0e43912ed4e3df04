#!/usr/bin/python3
"""The book's chapter-8 DeepConvNet on the numpy side: fixtures for mllib's pickle loader (BookDeepConvNetTest).

    book-deepconvnet.py fixtures DIR     reads DIR/trained.safetensors (an mllib DeepCnn's weights, PyTorch names)
                                         and DIR/images.f32 (N x 1 x 28 x 28 MNIST test images, float32 LE);
                                         writes the book's params pickle in protocols 2..5 and variants, and the
                                         book's predict(x, train_flg=False) logits and predictions
    book-deepconvnet.py small DIR        writes the tiny committed pickles of mllib/src/test/resources/pickle

The forward pass below is the book's own code (common/util.py im2col, common/layers.py Convolution, Pooling,
Affine, Relu, Dropout), written out with Debian's python3-numpy. Exit code 3: numpy is missing.
"""
import json
import pickle
import struct
import sys

try:
    import numpy as np
except ImportError as e:  # the Java test skips locally and fails in CI on code 3
    print("numpy missing:", e)
    sys.exit(3)


# ---------------------------------------------------------------- the book's layers (common/util.py, layers.py)

def im2col(input_data, filter_h, filter_w, stride=1, pad=0):
    N, C, H, W = input_data.shape
    out_h = (H + 2 * pad - filter_h) // stride + 1
    out_w = (W + 2 * pad - filter_w) // stride + 1
    img = np.pad(input_data, [(0, 0), (0, 0), (pad, pad), (pad, pad)], 'constant')
    col = np.zeros((N, C, filter_h, filter_w, out_h, out_w))
    for y in range(filter_h):
        y_max = y + stride * out_h
        for x in range(filter_w):
            x_max = x + stride * out_w
            col[:, :, y, x, :, :] = img[:, :, y:y_max:stride, x:x_max:stride]
    return col.transpose(0, 4, 5, 1, 2, 3).reshape(N * out_h * out_w, -1)


def convolution(x, W, b, stride=1, pad=0):
    FN, C, FH, FW = W.shape
    N, C, H, Wd = x.shape
    out_h = 1 + int((H + 2 * pad - FH) / stride)
    out_w = 1 + int((Wd + 2 * pad - FW) / stride)
    col = im2col(x, FH, FW, stride, pad)
    col_W = W.reshape(FN, -1).T
    out = np.dot(col, col_W) + b
    return out.reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2)


def pooling(x, pool_h=2, pool_w=2, stride=2, pad=0):
    N, C, H, W = x.shape
    out_h = int(1 + (H - pool_h) / stride)
    out_w = int(1 + (W - pool_w) / stride)
    col = im2col(x, pool_h, pool_w, stride, pad).reshape(-1, pool_h * pool_w)
    return np.max(col, axis=1).reshape(N, out_h, out_w, C).transpose(0, 3, 1, 2)


def relu(x):
    return np.maximum(x, 0)


def affine(x, W, b):
    return np.dot(x.reshape(x.shape[0], -1), W) + b


def dropout_test(x, ratio=0.5):
    return x * (1.0 - ratio)  # the book's Dropout.forward(x, train_flg=False)


def predict(p, x):
    """deep_convnet.py's DeepConvNet.predict(x, train_flg=False), layer for layer."""
    pads = [1, 1, 1, 2, 1, 1]
    for i in range(6):
        x = relu(convolution(x, p['W%d' % (i + 1)], p['b%d' % (i + 1)], 1, pads[i]))
        if i % 2 == 1:
            x = pooling(x)
    x = dropout_test(relu(affine(x, p['W7'], p['b7'])))
    return dropout_test(affine(x, p['W8'], p['b8']))


# ---------------------------------------------------------------- files

def read_safetensors(path):
    with open(path, 'rb') as f:
        blob = f.read()
    n = struct.unpack('<Q', blob[:8])[0]
    header = json.loads(blob[8:8 + n])
    out = {}
    for name, info in header.items():
        if name == '__metadata__':
            continue
        begin, end = info['data_offsets']
        dtype = {'F32': '<f4', 'I64': '<i8'}[info['dtype']]
        out[name] = np.frombuffer(blob[8 + n + begin:8 + n + end], dtype=dtype).reshape(info['shape'])
    return out


def book_params(state):
    """mllib's DeepCnn (inverted dropout, Linear [in, out]; PyTorch names and layouts in the file) as the book's
    params dict: W1..W6 [out, in, 3, 3], W7 [1024, 50], W8 [50, 10], float64 like the book's.

    The book's network feeds 0.5*h into the last Affine where mllib's feeds h, so W8 = 2 * mllib's fc2 weight; its
    logits are then half of mllib's (the last Dropout), with the same argmax. A deterministic perturbation of
    1e-7 relative makes the values genuinely float64 (not float32 values widened), as trained book weights are."""
    rng = np.random.RandomState(8)
    p = {}
    for i in range(6):
        p['W%d' % (i + 1)] = state['conv%d.weight' % (i + 1)].astype(np.float64)
        p['b%d' % (i + 1)] = state['conv%d.bias' % (i + 1)].astype(np.float64)
    p['W7'] = state['fc1.weight'].T.astype(np.float64)
    p['b7'] = state['fc1.bias'].astype(np.float64)
    p['W8'] = 2.0 * state['fc2.weight'].T.astype(np.float64)
    p['b8'] = state['fc2.bias'].astype(np.float64)
    ordered = {}
    for i in range(1, 9):  # the book's order: W1, b1, W2, b2, ...
        for k in ('W%d' % i, 'b%d' % i):
            v = p[k]
            ordered[k] = np.ascontiguousarray(v * (1.0 + 1e-7 * rng.standard_normal(v.shape)))
    return ordered


def dump(obj, path, protocol):
    with open(path, 'wb') as f:
        pickle.dump(obj, f, protocol=protocol)


def fixtures(d):
    state = read_safetensors(d + '/trained.safetensors')
    images = np.fromfile(d + '/images.f32', dtype='<f4').reshape(-1, 1, 28, 28).astype(np.float64)
    params = book_params(state)
    for protocol in (2, 3, 4, 5):
        dump(params, '%s/deep_convnet_params.p%d.pkl' % (d, protocol), protocol)
    # Other layouts a user's file may have: float32, big-endian, Fortran order (values rounded to float32)
    odd = {k: np.asfortranarray(v.astype('>f4')) for k, v in params.items()}
    for protocol in (2, 5):
        dump(odd, '%s/deep_convnet_params.f4be-fortran.p%d.pkl' % (d, protocol), protocol)
    # The book's classic slip: W7 saved transposed
    wrong = dict(params)
    wrong['W7'] = params['W7'].T.copy()
    dump(wrong, d + '/deep_convnet_params.wrong-w7.pkl', 3)
    logits = predict(params, images)
    logits.astype('<f8').tofile(d + '/book_logits.f64')
    np.argmax(logits, axis=1).astype('<i4').tofile(d + '/book_predictions.i32')
    print('wrote', len(images), 'images\' logits; predictions', np.argmax(logits, axis=1)[:20].tolist())


def small(d):
    """Tiny pickles whose values a test knows without numpy: a = 0..5 as [2, 3], b = a / 4 stored as float32
    big-endian Fortran order, c = the scalar-shaped [1] array 2.5 (float64)."""
    a = np.arange(6, dtype='<f8').reshape(2, 3)
    b = np.asfortranarray((a / 4).astype('>f4'))
    c = np.array([2.5])
    for protocol in (2, 3, 4, 5):
        dump({'a': a, 'b': b, 'c': c}, '%s/small.p%d.pkl' % (d, protocol), protocol)


if __name__ == '__main__':
    if len(sys.argv) != 3 or sys.argv[1] not in ('fixtures', 'small'):
        print(__doc__)
        sys.exit(2)
    {'fixtures': fixtures, 'small': small}[sys.argv[1]](sys.argv[2])
