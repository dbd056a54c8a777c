import { expect } from '@open-wc/testing';
import { canonicalJson } from '../../src/core/receipts/canonical-json.js';
import { verifyReceipt, type ReceiptKeySet } from '../../src/core/receipts/verify-receipt.js';
import type { Receipt } from '../../src/core/types.js';

// Signed by the reference collector (collector/src/signing.js: node:crypto, over the
// canonicalize package's RFC 8785 text), with a key made for this test. The browser checks it
// with Web Crypto over the SDK's own canonical JSON.
const signed = {
  receipt: {
    schema: 'yinyom.receipt/1',
    id: '019a4b2c-1d2e-7f30-8a4b-5c6d7e8f9a0b',
    subject: 'ผู้ใช้ 😀',
    time: '2026-11-22T12:00:00.000Z',
    origin: 'https://tdga.dga.or.th',
    page: '/register',
    controller: 'สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน) โดยสถาบันพัฒนาบุคลากรภาครัฐด้านดิจิทัล',
    notice: { id: 'tdga-privacy', version: '2565-06-01', hash: 'sha256-3333333333333333333333333333333333333333333333333333333333333333' },
    language: 'th',
    method: 'form',
    choices: { 'photo-publicity': true, dietary: false },
    signals: { gpc: false },
    prev: null,
    actor: 'parent',
    hash: 'sha256-9269b0512680f31b29526abc8218648be6e26d4170697a2578050f912cf22400',
  } as Receipt,
  signature: {
    kid: 'HOotNIkMLB9NgWmL6_TxlSeXh6tOshv11oaXJpuLhbE',
    sig: 'ne2_kj4nuGM4XzhngnnmzBAN43vWrVPdDPU6HqItZNmioXBACjQv8L87VE6hfb-LP499P1-kQvI-I5XNtHcSAw',
  },
  jwks: {
    keys: [{ kty: 'OKP', crv: 'Ed25519', x: 'ez8Vc4F5GzouClEibisI0ISp30ChVYaULfeaDbNpyGM', kid: 'HOotNIkMLB9NgWmL6_TxlSeXh6tOshv11oaXJpuLhbE', alg: 'EdDSA', use: 'sig' }],
  } as ReceiptKeySet,
};

describe('verifyReceipt', () => {
  it("verifies the collector's countersignature of a receipt in Thai with an emoji", async () => {
    expect(await verifyReceipt(signed.receipt, signed.signature, signed.jwks)).to.equal(true);
  });

  it('is false once anything in the receipt changes, or for a key the set does not hold', async () => {
    const { receipt, signature, jwks } = signed;
    for (const changed of [
      { ...receipt, controller: 'สถาบันพัฒนาบุคลากรภาครัฐด้านดิจิทัล' },
      { ...receipt, choices: { 'photo-publicity': true, dietary: true } },
      { ...receipt, actor: 'self' as const },
      { ...receipt, hash: `sha256-${'0'.repeat(64)}` },
    ]) {
      expect(await verifyReceipt(changed, signature, jwks)).to.equal(false);
    }
    expect(await verifyReceipt(receipt, { ...signature, kid: 'another' }, jwks)).to.equal(false);
    expect(await verifyReceipt(receipt, signature, { keys: [] })).to.equal(false);
    expect(await verifyReceipt(receipt, { ...signature, sig: signature.sig.slice(0, -4) }, jwks)).to.equal(false);
  });

  /**
   * A fresh Ed25519 key pair. WebKitGTK refuses to generate one whose key material begins with
   * a zero byte, about 1 draw in 128 (https://bugs.webkit.org/show_bug.cgi?id=307095): its
   * OperationError is not the subject here, so that browser draws again.
   */
  async function generateEd25519(): Promise<CryptoKeyPair> {
    for (let draw = 1; ; draw++) {
      try {
        return (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
      } catch (error) {
        if ((error as DOMException).name !== 'OperationError' || draw === 5) throw error;
      }
    }
  }

  it("verifies a signature made with this browser's own Ed25519 key, and refuses it for another receipt", async () => {
    const pair = await generateEd25519();
    const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
    const signWith = async (receipt: Receipt) => {
      const bytes = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, new TextEncoder().encode(canonicalJson(receipt))));
      return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    };
    const jwks = { keys: [{ kty: 'OKP', crv: 'Ed25519', x: jwk.x!, kid: 'browser-key', alg: 'EdDSA', use: 'sig' }] };
    const receipt = { ...signed.receipt, subject: 'ทดสอบ' };
    const signature = { kid: 'browser-key', sig: await signWith(receipt) };
    expect(await verifyReceipt(receipt, signature, jwks)).to.equal(true);
    expect(await verifyReceipt(signed.receipt, signature, jwks)).to.equal(false);
  });
});
