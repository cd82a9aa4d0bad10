"""Throwaway TLS material for tests: a CA, a server certificate and a client certificate.

Pure helper: :func:`make_tls_files` writes PEM files into a directory and returns their paths.
Keys are ECDSA P-256 (fast to make, accepted by Go's TLS server). Nothing here is secret: the
files live only as long as the test run's temporary directory.

Example:
    >>> files = make_tls_files(tmp_path)
    >>> files.ca_cert, files.server_cert, files.server_key, files.client_cert, files.client_key
"""

from __future__ import annotations

import datetime
import ipaddress
from pathlib import Path

import attrs
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

__all__ = ["TLSFiles", "make_tls_files"]


@attrs.frozen(kw_only=True)
class TLSFiles:
    """Paths of the PEM files written by :func:`make_tls_files`.

    Attributes:
        ca_cert: the CA certificate that signed both leaf certificates.
        server_cert: the server's certificate (``127.0.0.1``, ``::1`` and ``localhost``).
        server_key: the server certificate's private key.
        client_cert: a client certificate (extended key usage ``clientAuth``).
        client_key: the client certificate's private key.
        other_ca_cert: a second, unrelated CA, for "wrong CA" cases.
    """

    ca_cert: str
    server_cert: str
    server_key: str
    client_cert: str
    client_key: str
    other_ca_cert: str


def _key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "weaviate-async tests"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _validity(builder: x509.CertificateBuilder) -> x509.CertificateBuilder:
    now = datetime.datetime.now(datetime.timezone.utc)
    return builder.not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(
        now + datetime.timedelta(days=2)
    )


def _make_ca(common_name: str) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    key = _key()
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(_name(common_name))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    return _validity(builder).sign(key, hashes.SHA256()), key


def _make_leaf(
    common_name: str,
    ca: x509.Certificate,
    ca_key: ec.EllipticCurvePrivateKey,
    *,
    usage: x509.ObjectIdentifier,
    names: list[x509.GeneralName] | None = None,
) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    key = _key()
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([usage]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
    )
    if names:
        builder = builder.add_extension(x509.SubjectAlternativeName(names), critical=False)
    return _validity(builder).sign(ca_key, hashes.SHA256()), key


def _write_cert(path: Path, cert: x509.Certificate) -> str:
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return str(path)


def _write_key(path: Path, key: ec.EllipticCurvePrivateKey) -> str:
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    path.chmod(0o600)
    return str(path)


def make_tls_files(directory: str | Path) -> TLSFiles:
    """Make a CA, a server certificate for loopback and a client certificate; write them as PEM
    files into ``directory`` (created if missing) and return their paths."""
    root = Path(directory)
    root.mkdir(parents=True, exist_ok=True)
    ca, ca_key = _make_ca("weaviate-async test CA")
    other_ca, _ = _make_ca("weaviate-async unrelated CA")
    server, server_key = _make_leaf(
        "localhost",
        ca,
        ca_key,
        usage=ExtendedKeyUsageOID.SERVER_AUTH,
        names=[
            x509.DNSName("localhost"),
            x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
            x509.IPAddress(ipaddress.ip_address("::1")),
        ],
    )
    client, client_key = _make_leaf(
        "weaviate-async test client", ca, ca_key, usage=ExtendedKeyUsageOID.CLIENT_AUTH
    )
    return TLSFiles(
        ca_cert=_write_cert(root / "ca.pem", ca),
        server_cert=_write_cert(root / "server.pem", server),
        server_key=_write_key(root / "server-key.pem", server_key),
        client_cert=_write_cert(root / "client.pem", client),
        client_key=_write_key(root / "client-key.pem", client_key),
        other_ca_cert=_write_cert(root / "other-ca.pem", other_ca),
    )
