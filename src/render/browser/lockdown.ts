/**
 * Hardens a dedicated worker's global scope so it can run many jobs one after another without any of
 * them reaching the network, the page, or each other:
 * - only an allow-list of globals survives (JS built-ins, canvas and geometry types, text codecs);
 *   network, storage, messaging, workers, timers and dialogs are replaced by stubs that throw, and the
 *   network/navigation/popup/dialog ones also report a `forbidden` attempt;
 * - every surviving built-in and prototype is frozen, so a job cannot patch what the next job uses;
 * - the global object's own properties are locked; properties a job adds are deleted after it
 *   (`sweep`), and anything that cannot be undone marks the worker for retirement.
 * The job-facing names (`vt`, `ctx`, `state`, `W`, `H`, `console`) are accessors onto the running job.
 *
 * Serialised with `toString()` into the sandbox worker: self-contained, no imports at run time.
 */
export interface LiveJob {
  vt: unknown;
  ctx: OffscreenCanvasRenderingContext2D;
  canvas: OffscreenCanvas;
  state: unknown;
  log(kind: 'error' | 'warn', args: unknown[]): void;
}

export interface LockdownHooks {
  job(): LiveJob | null;
  /** Records a forbidden attempt on the running job and returns the error to throw. */
  forbidden(what: string): Error;
  /** Records a size violation on the running job and returns the error to throw. */
  tooLarge(what: string): Error;
  /** Counts `bytes` of buffer memory against the running job's budget (throws `tooLarge` over it). */
  allocate(bytes: number): void;
  maxCanvasPixels: number;
}

export interface Privileged {
  postMessage(msg: unknown, transfer?: Transferable[]): void;
  onMessage(fn: (data: unknown) => void): void;
  onRejection(fn: (reason: unknown) => void): void;
  onPolicyViolation(fn: (uri: string) => void): void;
  /** Runs `fn` on a fresh macrotask, after every pending microtask. */
  nextTask(fn: () => void): void;
  OffscreenCanvas: typeof OffscreenCanvas;
  /** Decodes PNG bytes in this thread (no Blob round trip through the browser process). */
  decodePng(bytes: Uint8Array): Promise<{ frame: CanvasImageSource & { close(): void }; width: number; height: number }>;
  /** The canvas pixels, read without counting against the job's buffer budget. */
  pixels(ctx: OffscreenCanvasRenderingContext2D, w: number, h: number): Uint8ClampedArray;
  bytes(base64: string): Uint8Array;
  Function: FunctionConstructor;
  /** Deletes what the last job added to the global scope; false when the scope can no longer be trusted. */
  sweep(): boolean;
}

export function lockdown(hooks: LockdownHooks): Privileged {
  const G = globalThis as unknown as Record<PropertyKey, unknown>;
  const { defineProperty, getOwnPropertyDescriptor, getPrototypeOf, freeze, isExtensible } = Object;
  const ownKeys = Reflect.ownKeys;
  const remove = (o: object, key: PropertyKey) => {
    if (Reflect.deleteProperty(o, key)) return;
    // Constants such as TEMPORARY are non-configurable but harmless primitives.
    const d = getOwnPropertyDescriptor(o, key);
    if (d && 'value' in d && !d.writable && (typeof d.value !== 'object' || d.value === null) && typeof d.value !== 'function') return;
    throw new Error(`sandbox lockdown: cannot remove ${String(key)}`);
  };

  // Capture what the harness keeps for itself before anything is removed.
  type WorkerScope = {
    postMessage(m: unknown, t?: Transferable[]): void;
    setTimeout(fn: () => void, ms: number): number;
    addEventListener(type: string, fn: (e: Event) => void): void;
  };
  const scope = G as unknown as WorkerScope;
  const post = scope.postMessage.bind(scope);
  const listen = scope.addEventListener.bind(scope);
  const setTimer = scope.setTimeout.bind(scope);
  const RealCanvas = OffscreenCanvas;
  const canvasProto = RealCanvas.prototype as unknown as Record<string, unknown>;
  type Frame = CanvasImageSource & { close(): void; displayWidth: number; displayHeight: number };
  const Decoder = (G as unknown as { ImageDecoder: new (init: object) => { decode(): Promise<{ image: Frame }>; close(): void } }).ImageDecoder;
  const RealFunction = Function;
  const fromBase64 = (Uint8Array as unknown as { fromBase64(s: string): Uint8Array }).fromBase64;
  const nowFn = performance.now.bind(performance);
  const randomValues = crypto.getRandomValues.bind(crypto);
  const randomUUID = crypto.randomUUID.bind(crypto);
  const atobFn = atob, btoaFn = btoa, cloneFn = structuredClone;
  const exec = RegExp.prototype.exec;
  const readPixels = OffscreenCanvasRenderingContext2D.prototype.getImageData;

  const KEEP = new Set<PropertyKey>(
    (
      'Object Function Array Number parseFloat parseInt Infinity NaN undefined Boolean String Symbol Date Promise RegExp Error ' +
      'AggregateError EvalError RangeError ReferenceError SyntaxError TypeError URIError SuppressedError globalThis JSON Math Intl ' +
      'ArrayBuffer Uint8Array Int8Array Uint16Array Int16Array Uint32Array Int32Array BigUint64Array BigInt64Array Uint8ClampedArray ' +
      'Float32Array Float64Array Float16Array DataView Map BigInt Set Iterator WeakMap WeakSet Proxy Reflect DisposableStack ' +
      'AsyncDisposableStack decodeURI decodeURIComponent encodeURI encodeURIComponent escape unescape eval isFinite isNaN Temporal ' +
      'OffscreenCanvas OffscreenCanvasRenderingContext2D Path2D ImageData ImageBitmap TextMetrics CanvasGradient CanvasPattern ' +
      'DOMMatrix DOMMatrixReadOnly DOMPoint DOMPointReadOnly DOMRect DOMRectReadOnly DOMQuad DOMException TextEncoder TextDecoder ' +
      'URL URLSearchParams'
    ).split(' '),
  );

  // Strip the worker scope's prototype chain (fetch, importScripts, timers, location, listeners...).
  const protos: object[] = [];
  for (let p = getPrototypeOf(G); p && p !== Object.prototype; p = getPrototypeOf(p)) protos.push(p);
  for (const p of protos) {
    for (const key of ownKeys(p)) if (key !== 'constructor' && key !== Symbol.toStringTag) remove(p, key);
  }
  for (const key of ownKeys(G)) if (!KEEP.has(key)) remove(G, key);
  remove(URL, 'createObjectURL');
  remove(URL, 'revokeObjectURL');
  for (const key of ['convertToBlob', 'oncontextlost', 'oncontextrestored']) remove(canvasProto, key);

  const data = (key: string, value: unknown) => defineProperty(G, key, { value, writable: false, enumerable: false, configurable: false });
  const getter = (key: string, get: () => unknown, set?: (v: unknown) => void) => defineProperty(G, key, { get, set, enumerable: false, configurable: false });

  const forbid = (what: string) => {
    throw hooks.forbidden(what);
  };
  const unavailable = (what: string) => () => {
    throw new TypeError(`${what} is not available in the sandbox: code runs synchronously, so draw directly`);
  };
  const isLocal = (url: unknown) => /^(data|blob):/i.test(String(url));
  const network = (name: string) =>
    function (this: unknown, url?: unknown) {
      forbid(`${name}(${url === undefined ? '' : JSON.stringify(String(url)).slice(0, 120)}): the sandbox has no network`);
    };
  for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport', 'WebSocketStream', 'importScripts', 'Worker', 'SharedWorker']) data(name, network(name));
  data('Image', function Image(this: unknown) {
    const img = {};
    defineProperty(img, 'src', {
      set(url: unknown) {
        if (isLocal(url)) throw new TypeError('Image is not available in the sandbox: draw with ctx or vt');
        forbid(`loading an image from ${JSON.stringify(String(url)).slice(0, 120)}: the sandbox has no network`);
      },
      get: () => '',
    });
    return img;
  });
  data('open', (url?: unknown) => forbid(`window.open(${url === undefined ? '' : JSON.stringify(String(url)).slice(0, 120)}): popups are not allowed`));
  for (const name of ['alert', 'confirm', 'prompt', 'print']) data(name, () => forbid(`${name}(): dialogs are not allowed`));
  for (const name of ['setTimeout', 'setInterval', 'requestAnimationFrame', 'requestIdleCallback', 'queueMicrotask']) data(name, unavailable(name));
  for (const name of ['clearTimeout', 'clearInterval', 'cancelAnimationFrame', 'cancelIdleCallback']) data(name, () => undefined);
  const navigate = (v: unknown) => forbid(`navigation to ${JSON.stringify(String(v)).slice(0, 120)}: the sandbox cannot navigate`);
  const location = {};
  defineProperty(location, 'href', { get: () => 'about:sandbox', set: navigate });
  for (const name of ['assign', 'replace']) defineProperty(location, name, { value: navigate });
  defineProperty(location, 'reload', { value: () => forbid('location.reload(): the sandbox cannot navigate') });
  defineProperty(location, 'toString', { value: () => 'about:sandbox' });
  getter('location', () => location, navigate);
  data('navigator', { userAgent: 'flywheel-sandbox', language: 'en-US', languages: ['en-US'], hardwareConcurrency: 1, sendBeacon: network('navigator.sendBeacon') });
  data('performance', { now: nowFn });
  data('crypto', { getRandomValues: randomValues, randomUUID });
  data('atob', atobFn);
  data('btoa', btoaFn);
  data('structuredClone', cloneFn);
  const log = (kind: 'error' | 'warn') => (...args: unknown[]) => hooks.job()?.log(kind, args);
  const quiet = () => undefined;
  data('console', { error: log('error'), warn: log('warn'), assert: (ok: unknown, ...args: unknown[]) => (ok ? undefined : hooks.job()?.log('error', ['Assertion failed:', ...args])), log: quiet, info: quiet, debug: quiet, trace: quiet, table: quiet, dir: quiet, group: quiet, groupEnd: quiet, time: quiet, timeEnd: quiet });
  getter('vt', () => hooks.job()?.vt);
  getter('ctx', () => hooks.job()?.ctx);
  getter('state', () => hooks.job()?.state);
  getter('W', () => hooks.job()?.canvas.width);
  getter('H', () => hooks.job()?.canvas.height);
  data('self', G);
  data('window', G);

  // Canvas size cap on every way a job can size a canvas.
  const checkSize = (w: unknown, h: unknown) => {
    const pw = Math.floor(Number(w)), ph = Math.floor(Number(h));
    if (pw * ph > hooks.maxCanvasPixels || pw > 32767 || ph > 32767) throw hooks.tooLarge(`a ${pw}×${ph} canvas is over the sandbox limit of ${hooks.maxCanvasPixels} pixels`);
  };
  const Canvas = function OffscreenCanvas(this: unknown, w: number, h: number) {
    if (!new.target) throw new TypeError("Failed to construct 'OffscreenCanvas': Please use the 'new' operator");
    checkSize(w, h);
    return new RealCanvas(w, h);
  } as unknown as typeof OffscreenCanvas;
  defineProperty(Canvas, 'prototype', { value: RealCanvas.prototype });
  defineProperty(canvasProto, 'constructor', { value: Canvas, writable: false, configurable: false });
  for (const dim of ['width', 'height'] as const) {
    const d = getOwnPropertyDescriptor(canvasProto, dim)!;
    const set = d.set!;
    defineProperty(canvasProto, dim, {
      get: d.get,
      set(this: OffscreenCanvas, v: number) {
        if (dim === 'width') checkSize(v, this.height);
        else checkSize(this.width, v);
        set.call(this, v);
      },
      enumerable: d.enumerable,
      configurable: false,
    });
  }
  data('OffscreenCanvas', Canvas);

  // Buffer memory lives outside the V8 heap limit, so count what typed arrays and pixel buffers take.
  const lengthOf = (v: unknown) => (typeof v === 'number' ? v : v && typeof v === 'object' && typeof (v as { length?: unknown }).length === 'number' ? (v as { length: number }).length : 0);
  const counted = (name: string, bytesFor: (args: unknown[]) => number) => {
    const Real = G[name] as new (...args: unknown[]) => object;
    const Counted: typeof Real = new Proxy(Real, {
      construct(target, args, newTarget) {
        hooks.allocate(bytesFor(args));
        return Reflect.construct(target, args, newTarget === Counted ? target : newTarget) as object;
      },
    });
    defineProperty(Real.prototype, 'constructor', { value: Counted, writable: false, configurable: false });
    data(name, Counted);
  };
  counted('ArrayBuffer', (a) => Math.max(Number(a[0]) || 0, Number((a[1] as { maxByteLength?: unknown } | undefined)?.maxByteLength) || 0));
  for (const name of ['Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array', 'BigUint64Array', 'BigInt64Array', 'Uint8ClampedArray', 'Float32Array', 'Float64Array', 'Float16Array']) {
    const per = (G[name] as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
    counted(name, (a) => (a[0] instanceof ArrayBuffer ? 0 : lengthOf(a[0]) * per));
  }
  counted('ImageData', (a) => (typeof a[0] === 'number' ? 4 * a[0] * (Number(a[1]) || 0) : 0));
  const ctxProto = OffscreenCanvasRenderingContext2D.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const method of ['getImageData', 'createImageData']) {
    const real = ctxProto[method]!;
    defineProperty(ctxProto, method, {
      value: function (this: unknown, ...args: unknown[]) {
        const w = Number(args[2] ?? (args[0] as { width?: unknown })?.width ?? args[0]), h = Number(args[3] ?? (args[0] as { height?: unknown })?.height ?? args[1]);
        hooks.allocate(4 * Math.abs(w || 0) * Math.abs(h || 0));
        return real.apply(this, args);
      },
      writable: false,
      configurable: false,
    });
  }

  // Frozen prototypes make plain assignments such as `obj.toString = f` fail (the "override mistake");
  // turning these few inherited data properties into accessors keeps such code working.
  const enableOverride = (obj: object, key: PropertyKey) => {
    const d = getOwnPropertyDescriptor(obj, key);
    if (!d || !('value' in d)) return;
    const value = d.value as unknown;
    defineProperty(obj, key, {
      get: () => value,
      set(this: object, v: unknown) {
        if (this === obj) throw new TypeError(`Cannot assign to read only property '${String(key)}' of a shared built-in`);
        defineProperty(this, key, { value: v, writable: true, enumerable: true, configurable: true });
      },
      enumerable: d.enumerable,
      configurable: false,
    });
  };
  for (const key of ownKeys(Object.prototype)) if (key !== '__proto__') enableOverride(Object.prototype, key);
  for (const E of [Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError, AggregateError]) {
    for (const key of ['name', 'message', 'toString', 'constructor']) enableOverride(E.prototype, key);
  }
  for (const key of ['toString', 'constructor']) {
    enableOverride(Function.prototype, key);
    enableOverride(Array.prototype, key);
  }

  // Deep-freeze everything reachable from the global scope (but not the global object itself).
  const seen = new WeakSet<object>();
  const stack: object[] = [...protos, location];
  for (const key of ownKeys(G)) {
    const d = getOwnPropertyDescriptor(G, key)!;
    for (const v of [d.value, d.get, d.set]) if ((typeof v === 'object' && v !== null) || typeof v === 'function') stack.push(v as object);
  }
  while (stack.length) {
    const o = stack.pop()!;
    if (o === G || seen.has(o)) continue;
    seen.add(o);
    freeze(o);
    const proto = getPrototypeOf(o);
    if (proto) stack.push(proto);
    for (const key of ownKeys(o)) {
      const d = getOwnPropertyDescriptor(o, key);
      if (!d) continue;
      for (const v of [d.value, d.get, d.set]) if ((typeof v === 'object' && v !== null) || typeof v === 'function') stack.push(v as object);
    }
  }
  for (const key of ownKeys(G)) {
    const d = getOwnPropertyDescriptor(G, key)!;
    if (d.configurable || d.writable) defineProperty(G, key, 'value' in d ? { writable: false, configurable: false } : { configurable: false });
  }
  const baseline = new Set(ownKeys(G));
  const baseProto = getPrototypeOf(G);
  const emptyMatch = /(?:)/;

  return {
    postMessage: post,
    onMessage: (fn) => listen('message', (e) => fn((e as MessageEvent).data)),
    onRejection: (fn) =>
      listen('unhandledrejection', (e) => {
        e.preventDefault();
        fn((e as PromiseRejectionEvent).reason);
      }),
    onPolicyViolation: (fn) => listen('securitypolicyviolation', (e) => fn((e as SecurityPolicyViolationEvent).blockedURI)),
    nextTask: (fn) => void setTimer(fn, 0),
    OffscreenCanvas: RealCanvas,
    decodePng: async (bytes) => {
      const decoder = new Decoder({ data: bytes, type: 'image/png', colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
      try {
        const { image } = await decoder.decode();
        return { frame: image, width: image.displayWidth, height: image.displayHeight };
      } finally {
        decoder.close();
      }
    },
    pixels: (ctx, w, h) => readPixels.call(ctx, 0, 0, w, h).data,
    bytes: (s) => fromBase64(s),
    Function: RealFunction,
    sweep() {
      let clean = isExtensible(G) && getPrototypeOf(G) === baseProto;
      for (const key of ownKeys(G)) {
        if (baseline.has(key)) continue;
        if (!Reflect.deleteProperty(G, key)) clean = false;
      }
      // Legacy RegExp statics (RegExp.$1, RegExp.input) would otherwise carry the last job's strings.
      exec.call(emptyMatch, '');
      return clean;
    },
  };
}
