import { createDecipheriv, createHmac, createSecretKey, randomBytes, createCipheriv } from 'node:crypto';
import { fieldCipher, hmacSm3Keyed } from '../server/platform/crypto/sm.ts';
const c = fieldCipher(randomBytes(32));
const tok = c.encrypt('13812345678');
const N = 20000;
let t = performance.now();
for (let i = 0; i < N; i++) c.decrypt(tok);
console.log('decrypt us', ((performance.now() - t) / N * 1000).toFixed(1));
const macKey = randomBytes(32); const iv = randomBytes(16); const body = randomBytes(11);
t = performance.now();
for (let i = 0; i < N; i++) createHmac('sm3', macKey).update(iv).update(body).digest();
console.log('hmac us', ((performance.now() - t) / N * 1000).toFixed(1));
const keyed = hmacSm3Keyed(macKey);
t = performance.now();
for (let i = 0; i < N; i++) keyed(Buffer.concat([iv, body]));
console.log('keyed hmac us', ((performance.now() - t) / N * 1000).toFixed(1));
const ko = createSecretKey(macKey);
t = performance.now();
for (let i = 0; i < N; i++) createHmac('sm3', ko).update(iv).update(body).digest();
console.log('hmac keyobject us', ((performance.now() - t) / N * 1000).toFixed(1));
const ek = randomBytes(16);
t = performance.now();
for (let i = 0; i < N; i++) { const d = createDecipheriv('sm4-ctr', ek, iv); Buffer.concat([d.update(body), d.final()]); }
console.log('sm4 buf us', ((performance.now() - t) / N * 1000).toFixed(1));
const eko = createSecretKey(ek);
t = performance.now();
for (let i = 0; i < N; i++) { const d = createDecipheriv('sm4-ctr', eko, iv); Buffer.concat([d.update(body), d.final()]); }
console.log('sm4 keyobject us', ((performance.now() - t) / N * 1000).toFixed(1));
