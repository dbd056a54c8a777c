import { readFile } from 'node:fs/promises';
import { InputError } from './input-error.js';

/** The bytes of a file the user named, or an InputError that names it. */
export async function readInput(file) {
  try {
    return await readFile(file);
  } catch (error) {
    throw new InputError(`อ่านไฟล์ ${file} ไม่ได้ / cannot read ${file}: ${error.code === 'ENOENT' ? 'ไม่มีไฟล์นี้ / no such file' : error.message}`);
  }
}

/** Parses a JSON file the user named, naming the file in any problem. */
export async function readJson(file) {
  const text = (await readInput(file)).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file} ไม่ใช่ JSON ที่ถูกต้อง / is not valid JSON: ${error.message}`);
  }
}
