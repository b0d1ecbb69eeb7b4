import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./temp-dir.js";

/** A key and certificate in PEM, and the files holding them. */
export interface Certificate {
  key: string;
  cert: string;
  keyFile: string;
  certFile: string;
}

const openssl = (args: string[]) => execFileSync("openssl", args, { stdio: ["ignore", "ignore", "pipe"] });
const P256 = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"];

function read(dir: string, name: string): Certificate {
  const keyFile = join(dir, `${name}.key`);
  const certFile = join(dir, `${name}.pem`);
  return { key: readFileSync(keyFile, "utf8"), cert: readFileSync(certFile, "utf8"), keyFile, certFile };
}

/**
 * A self-signed certificate for `host` — what DirectAdmin serves before Let's Encrypt issued one — made with the
 * openssl command.
 */
export function selfSigned(host: string): Certificate {
  const dir = tempDir("wedos-panel-cert-");
  openssl([
    "req",
    "-x509",
    ...P256,
    "-days",
    "30",
    "-subj",
    `/CN=${host}`,
    "-addext",
    `subjectAltName=DNS:${host}`,
    "-keyout",
    join(dir, "self.key"),
    "-out",
    join(dir, "self.pem"),
  ]);
  return read(dir, "self");
}

/** A certificate authority, and a certificate it issued for `host` (a leaf that cannot sign). */
export function issuedBy(host: string): { ca: Certificate; leaf: Certificate } {
  const dir = tempDir("wedos-panel-cert-");
  openssl([
    "req",
    "-x509",
    ...P256,
    "-days",
    "30",
    "-subj",
    "/CN=Test Authority",
    "-addext",
    "basicConstraints=critical,CA:TRUE",
    "-addext",
    "keyUsage=critical,keyCertSign,cRLSign",
    "-keyout",
    join(dir, "ca.key"),
    "-out",
    join(dir, "ca.pem"),
  ]);
  openssl([
    "req",
    "-new",
    ...P256,
    "-subj",
    `/CN=${host}`,
    "-keyout",
    join(dir, "leaf.key"),
    "-out",
    join(dir, "leaf.csr"),
  ]);
  writeFileSync(
    join(dir, "leaf.ext"),
    `subjectAltName=DNS:${host}\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n`,
  );
  openssl([
    "x509",
    "-req",
    "-in",
    join(dir, "leaf.csr"),
    "-CA",
    join(dir, "ca.pem"),
    "-CAkey",
    join(dir, "ca.key"),
    "-CAcreateserial",
    "-days",
    "30",
    "-extfile",
    join(dir, "leaf.ext"),
    "-out",
    join(dir, "leaf.pem"),
  ]);
  return { ca: read(dir, "ca"), leaf: read(dir, "leaf") };
}
