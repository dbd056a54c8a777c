/**
 * Deletes an IndexedDB database of this origin; rejects with the request's error. Resolves once
 * the database is gone or, with `queuedIsEnough`, already when a connection blocks it and the
 * deletion is queued: Firefox keeps the connection of a removed iframe (a closed "tab") open
 * until it collects it, and any open request made after this one waits for the deletion anyway.
 */
export function deleteDatabase(name: string, { queuedIsEnough = false } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    if (queuedIsEnough) request.onblocked = () => resolve();
    request.onerror = () => reject(request.error);
  });
}
