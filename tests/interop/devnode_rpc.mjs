// JSON-RPC over HTTP to a devnode (Chopsticks answers on the same port as its
// ws:// address): rpc(method, params) -> result, or throws naming the method.
export function httpRpc(url) {
  const httpUrl = url.replace(/^ws/, 'http');
  let id = 0;
  return async function rpc(method, params = []) {
    const r = await fetch(httpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params })
    });
    const j = await r.json();
    if (j.error) throw new Error(`${method}: ${JSON.stringify(j.error)}`);
    return j.result;
  };
}
