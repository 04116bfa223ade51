"""A Faceki KYC client and a Flask view in front of it (e2e fixture)."""
from flask import Flask, abort, jsonify

app = Flask(__name__)
TIMEOUT = 5000  # milliseconds, not a code


def verify(session, payload):
    r = session.post("https://sdk.faceki.com/kyc-verify", json=payload, timeout=30)
    data = r.json()
    if data.get("code") == 8009:
        raise RuntimeError("ask for a selfie in better light")
    return data


@app.post("/verify")
def verify_view():
    result = {}
    if not result:
        abort(404)
    return jsonify(result), 201
