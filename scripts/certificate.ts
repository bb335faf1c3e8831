/**
 * openssl's arguments for a throwaway self-signed certificate for this machine (localhost and
 * 127.0.0.1, valid for a day): the TLS proxy in the browser suite and the TLS PostgreSQL test use it.
 */
export function selfSignedCertificateArgs(keyFile: string, certificateFile: string): string[] {
  return [
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-days",
    "1",
    "-subj",
    "/CN=localhost",
    "-addext",
    "subjectAltName=DNS:localhost,IP:127.0.0.1",
    "-keyout",
    keyFile,
    "-out",
    certificateFile,
  ];
}
