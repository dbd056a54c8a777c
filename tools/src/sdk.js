import { InputError } from './input-error.js';

/** The SDK's own checks (`checkNotice`, `validateConfig`) from the built `yinyom` package. */
export async function loadSdk() {
  try {
    return await import('yinyom');
  } catch (error) {
    if (error.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new InputError('ไม่พบแพ็กเกจ yinyom ที่ build แล้ว: รัน npm run build ที่รากของโปรเจกต์ก่อน / the built yinyom package was not found: run npm run build at the repository root first');
  }
}
