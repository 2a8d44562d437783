# Checks that one movement is in the books of OpenDimos: fetches its inclusion proof and rebuilds the
# root of the signed checkpoint from it (RFC 9162, 2.1.3.2). Python 3, standard library only.
#   python3 verify.py https://opendimos.lixouri.gov.gr 1234
# Python has no Ed25519 of its own: check the checkpoint's signature with tools/verify-log.mjs, or compare
# the root printed here with the one of a checkpoint you verified.
import base64, hashlib, json, sys, urllib.request

def node(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()

def root_from_proof(index, size, leaf, proof):
    if index >= size:
        raise ValueError("the leaf index is beyond the tree")
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            raise ValueError("the proof is too long")
        if fn & 1 or fn == sn:
            r = node(p, r)
            while fn & 1 == 0 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = node(r, p)
        fn, sn = fn >> 1, sn >> 1
    if sn != 0:
        raise ValueError("the proof is too short")
    return r

def main(site, position):
    url = f"{site.rstrip('/')}/api/log/inclusion?position={int(position)}"
    with urllib.request.urlopen(url) as answer:
        body = json.load(answer)
    origin, size, root = body["checkpoint"].split("\n")[:3]
    if int(size) != body["treeSize"]:
        raise ValueError("the proof is not for the checkpoint that comes with it")
    if json.loads(body["entry"])["position"] != int(position):
        raise ValueError("the entry is not the movement asked for")
    leaf = hashlib.sha256(b"\x00" + body["entry"].encode("utf-8")).digest()
    proof = [base64.b64decode(p) for p in body["proof"]]
    if root_from_proof(body["leafIndex"], body["treeSize"], leaf, proof) != base64.b64decode(root):
        raise ValueError("the proof does not lead to the checkpoint's root")
    print(f"OK: leaf {body['leafIndex']} is in {origin} at size {size}, root {root}")

if __name__ == "__main__":
    try:
        main(sys.argv[1], sys.argv[2])
    except Exception as error:
        print(f"FAILED: {error}")
        sys.exit(1)
