// What polkadot.js reads from a metadata fixture, as the JSON summary that
// metadata_vectors' "enumerate" request prints from libwetee's lookups (the
// same fields, in the same shape; md_diff.mjs compares the two texts with
// sorted keys). Pre-V16 metadata is read through polkadot.js's conversion
// to its latest form; the fields that conversion invents are left out (see
// the comments below).

import { u8aToHex } from '@polkadot/util';

const str = (t) => t.toString();
const docs = (d) => d.map(str);
const HASHERS = ['Blake2_128', 'Blake2_256', 'Blake2_128Concat', 'Twox128', 'Twox256', 'Twox64Concat', 'Identity'];

export function typeLine(fx, t) {
  const f = (fields) => fields.map((x) => `${x.name ?? '_'}:${x.type}:${x.typeName ?? ''}`).join(',');
  const head = `${t.kind} ${t.path.join('::')}<${t.params.map((p) => (p === null ? '_' : p)).join(',')}>`;
  switch (t.kind) {
    case 'composite': return `${head} {${f(t.fields)}}`;
    case 'variant': return `${head} {${t.variants.map((v) => `${v.index}:${v.name}(${f(v.fields)})`).join(';')}}`;
    case 'sequence': case 'compact': return `${head} ${t.elem}`;
    case 'array': return `${head} ${t.elem};${t.len}`;
    case 'tuple': return `${head} (${t.elems.join(',')})`;
    case 'primitive': return `${head} ${t.prim}`;
    case 'bitsequence': return `${head} ${t.store},${t.order}`;
    default: return head;
  }
}

function depr(d) { // ItemDeprecationInfoV16 / VariantDeprecationInfoV16
  if (d.isNotDeprecated) return null;
  if (d.isDeprecatedWithoutNote) return ['without-note'];
  const x = d.asDeprecated;
  return ['deprecated', str(x.note), x.since.isSome ? str(x.since.unwrap()) : null];
}

export function summary(fx) {
  const l = fx.latest;
  const v16 = fx.version >= 16;
  const out = { version: fx.version, types: fx.types.map((t) => typeLine(fx, t)) };
  out.pallets = l.pallets.map((p) => {
    const o = {
      name: str(p.name),
      index: p.index.toNumber(),
      // pallet docs exist from V15 (empty in V14)
      docs: docs(p.docs),
      calls: p.calls.isSome ? p.calls.unwrap().type.toNumber() : null,
      events: p.events.isSome ? p.events.unwrap().type.toNumber() : null,
      errors: p.errors.isSome ? p.errors.unwrap().type.toNumber() : null,
      storage_prefix: p.storage.isSome ? str(p.storage.unwrap().prefix) : null,
      storage: (p.storage.isSome ? p.storage.unwrap().items : []).map((s) => ({
        name: str(s.name),
        modifier: str(s.modifier),
        hashers: s.type.isMap ? s.type.asMap.hashers.map((h) => HASHERS[h.index]) : [],
        key: s.type.isMap ? s.type.asMap.key.toNumber() : null,
        value: s.type.isMap ? s.type.asMap.value.toNumber() : s.type.asPlain.toNumber(),
        default: u8aToHex(s.fallback.toU8a(true)),
        docs: docs(s.docs),
        ...(v16 ? { deprecation: depr(s.deprecationInfo) } : {})
      })),
      constants: p.constants.map((c) => ({
        name: str(c.name), type: c.type.toNumber(), value: u8aToHex(c.value.toU8a(true)), docs: docs(c.docs),
        ...(v16 ? { deprecation: depr(c.deprecationInfo) } : {})
      }))
    };
    if (v16) {
      o.deprecation = depr(p.deprecationInfo);
      // deprecated calls, events and errors: "kind:index" -> status
      o.variant_deprecation = {};
      for (const [k, opt] of [['calls', p.calls], ['events', p.events], ['errors', p.errors]]) {
        if (opt.isNone) continue;
        for (const [idx, info] of opt.unwrap().deprecationInfo) {
          o.variant_deprecation[`${k}:${idx.toNumber()}`] = info.isDeprecatedWithoutNote ? ['without-note']
            : ['deprecated', str(info.asDeprecated.note), info.asDeprecated.since.isSome ? str(info.asDeprecated.since.unwrap()) : null];
        }
      }
      o.view_functions = p.viewFunctions.map((vf) => ({
        name: str(vf.name), id: u8aToHex(vf.id), inputs: vf.inputs.map((i) => `${str(i.name)}:${i.type.toNumber()}`),
        output: vf.output.toNumber(), docs: docs(vf.docs), deprecation: depr(vf.deprecationInfo)
      }));
    }
    return o;
  });
  // runtime APIs: V15+ (polkadot.js's V14 conversion has none either)
  out.apis = l.apis.map((a) => ({
    name: str(a.name),
    docs: docs(a.docs),
    methods: a.methods.map((m) => ({
      name: str(m.name), inputs: m.inputs.map((i) => `${str(i.name)}:${i.type.toNumber()}`), output: m.output.toNumber(), docs: docs(m.docs),
      ...(v16 ? { deprecation: depr(m.deprecationInfo) } : {})
    })),
    ...(v16 ? { version: a.version.toNumber(), deprecation: depr(a.deprecationInfo) } : {})
  }));
  // outer enums: the error enum exists from V15 (polkadot.js puts 0 in V14)
  out.outer = { call: l.outerEnums.callType.toNumber(), event: l.outerEnums.eventType.toNumber(), ...(fx.version >= 15 ? { error: l.outerEnums.errorType.toNumber() } : {}) };
  const x = l.extrinsic;
  out.extrinsic = {
    versions: [...x.versions].map(Number),
    address: x.addressType.toNumber(),
    call: x.callType.toNumber(),
    signature: x.signatureType.toNumber(),
    // polkadot.js 16.5.6 loses the implicit type of pre-V16 extensions in
    // its conversion (metadata/v15/toV16.js passes `implict:`, a typo): read
    // V14/V15's additional_signed from the version's own structure
    extensions: fx.version >= 16
      ? x.transactionExtensions.map((e) => [str(e.identifier), e.type.toNumber(), e.implicit.toNumber()])
      : fx.metadata[`asV${fx.version}`].extrinsic.signedExtensions.map((e) => [str(e.identifier), e.type.toNumber(), e.additionalSigned.toNumber()]),
    // by extension version: V16 only (polkadot.js keys its pre-V16
    // conversion by the extrinsic version 4; libwetee by extension version 0)
    ...(v16 ? { by_version: [...x.transactionExtensionsByVersion].map(([k, v]) => [k.toNumber(), [...v].map((i) => i.toNumber())]) } : {})
  };
  // chain information from the System constants
  const sys = l.pallets.find((p) => str(p.name) === 'System');
  const cst = (n) => sys?.constants.find((c) => str(c.name) === n);
  const ver = cst('Version');
  const pfx = cst('SS58Prefix');
  if (ver) {
    const v = fx.registry.createTypeUnsafe(fx.registry.createLookupType(ver.type), [ver.value.toU8a(true)]);
    out.spec = { name: str(v.specName), version: v.specVersion.toNumber(), transaction_version: v.transactionVersion.toNumber() };
  }
  if (pfx) out.ss58 = fx.registry.createTypeUnsafe(fx.registry.createLookupType(pfx.type), [pfx.value.toU8a(true)]).toNumber();
  out.custom = [...l.custom.map].map(([k, v]) => [str(k), v.type.toNumber(), u8aToHex(v.value.toU8a(true))]);
  return out;
}

// ---------------------------------------------------------------------------
// The same summary from the expected JSON that @polkadot/types-support ships
// beside each of its metadata blobs (metadata/vN/NAME-json.json: the
// metadata's toJSON() without its type registry; NAME-types.json: the
// registry; NAME-ver.js: state_getRuntimeVersion of the node the metadata
// came from). Read from that JSON alone, without decoding the metadata
// again: it checks libwetee against the data polkadot.js's own tests hold,
// not only against what this polkadot.js version decodes.

// the registry JSON -> md_types.mjs's type model (what typeLine reads)
export function typesFromJson(lookup) {
  const field = (f) => ({ name: f.name ?? null, type: f.type, typeName: f.typeName ?? null });
  const out = [];
  for (const { id, type } of lookup) {
    const t = { id, path: type.path, params: type.params.map((p) => p.type ?? null) };
    const [kind] = Object.keys(type.def);
    const d = type.def[kind];
    switch (kind) {
      case 'composite': Object.assign(t, { kind, fields: d.fields.map(field) }); break;
      case 'variant': Object.assign(t, { kind, variants: d.variants.map((v) => ({ name: v.name, index: v.index, fields: v.fields.map(field), docs: v.docs })) }); break;
      case 'sequence': case 'compact': Object.assign(t, { kind, elem: d.type }); break;
      case 'array': Object.assign(t, { kind, elem: d.type, len: d.len }); break;
      case 'tuple': Object.assign(t, { kind, elems: d }); break;
      case 'primitive': Object.assign(t, { kind, prim: d.toLowerCase() }); break;
      case 'bitSequence': Object.assign(t, { kind: 'bitsequence', store: d.bitStoreType, order: d.bitOrderType }); break;
      default: throw new Error(`type ${id}: unexpected definition ${kind}`);
    }
    out[id] = t;
  }
  return out;
}

// {"notDeprecated": null} | {"deprecatedWithoutNote": null} |
// {"deprecated": {"note", "since"}} -> md_summary's form
function deprJson(d) {
  if ('notDeprecated' in d) return null;
  if ('deprecatedWithoutNote' in d) return ['without-note'];
  return ['deprecated', d.deprecated.note, d.deprecated.since ?? null];
}

const hexBytes = (h) => (h.replace(/^0x/, '').match(/../g) ?? []).map((b) => parseInt(b, 16));
const leInt = (h) => hexBytes(h).reduceRight((a, b) => a * 256 + b, 0);

// json: NAME-json.json, lookup: NAME-types.json, ver: the runtime version
// object of NAME-ver.js (or null)
export function shippedSummary(json, lookup, ver) {
  const [vkey] = Object.keys(json.metadata);
  const version = Number(vkey.slice(1));
  const m = json.metadata[vkey];
  const v16 = version >= 16;
  const types = typesFromJson(lookup);
  const out = { version, types: types.map((t) => typeLine(null, t)) };
  out.pallets = m.pallets.map((p) => {
    const o = {
      name: p.name,
      index: p.index,
      docs: p.docs ?? [],
      calls: p.calls?.type ?? null,
      events: p.events?.type ?? null,
      errors: p.errors?.type ?? null,
      storage_prefix: p.storage?.prefix ?? null,
      storage: (p.storage?.items ?? []).map((s) => ({
        name: s.name,
        modifier: s.modifier,
        hashers: s.type.map ? s.type.map.hashers : [],
        key: s.type.map ? s.type.map.key : null,
        value: s.type.map ? s.type.map.value : s.type.plain,
        default: s.fallback,
        docs: s.docs,
        ...(v16 ? { deprecation: deprJson(s.deprecationInfo) } : {})
      })),
      constants: p.constants.map((c) => ({
        name: c.name, type: c.type, value: c.value, docs: c.docs, ...(v16 ? { deprecation: deprJson(c.deprecationInfo) } : {})
      }))
    };
    if (v16) {
      o.deprecation = deprJson(p.deprecationInfo);
      o.variant_deprecation = {};
      for (const k of ['calls', 'events', 'errors']) {
        for (const [idx, info] of Object.entries(p[k]?.deprecationInfo ?? {})) o.variant_deprecation[`${k}:${idx}`] = deprJson(info);
      }
      o.view_functions = p.viewFunctions.map((vf) => ({
        name: vf.name, id: vf.id, inputs: vf.inputs.map((i) => `${i.name}:${i.type}`), output: vf.output, docs: vf.docs, deprecation: deprJson(vf.deprecationInfo)
      }));
    }
    return o;
  });
  out.apis = (m.apis ?? []).map((a) => ({
    name: a.name,
    docs: a.docs,
    methods: a.methods.map((x) => ({
      name: x.name, inputs: x.inputs.map((i) => `${i.name}:${i.type}`), output: x.output, docs: x.docs, ...(v16 ? { deprecation: deprJson(x.deprecationInfo) } : {})
    })),
    ...(v16 ? { version: a.version, deprecation: deprJson(a.deprecationInfo) } : {})
  }));
  const x = m.extrinsic;
  // V14 names the extrinsic type only: its parameters are the address, call
  // and signature types (and the outer call enum); the outer event enum is
  // the "event" field of System.Events' EventRecord
  const xt = lookup.find((t) => t.id === x.type);
  const param = (name) => xt?.type.params.find((p) => p.name === name)?.type ?? null;
  if (version >= 15) {
    out.outer = { call: m.outerEnums.callType, event: m.outerEnums.eventType, error: m.outerEnums.errorType };
  } else {
    const sys = m.pallets.find((p) => p.name === 'System');
    const evs = sys.storage.items.find((s) => s.name === 'Events');
    const rec = types[types[evs.type.plain].elem];
    out.outer = { call: param('Call'), event: rec.fields.find((f) => f.name === 'event').type };
  }
  out.extrinsic = {
    versions: v16 ? hexBytes(x.versions) : [x.version],
    address: version >= 15 ? x.addressType : param('Address'),
    call: version >= 15 ? x.callType : param('Call'),
    signature: version >= 15 ? x.signatureType : param('Signature'),
    extensions: v16
      ? x.transactionExtensions.map((e) => [e.identifier, e.type, e.implicit])
      : x.signedExtensions.map((e) => [e.identifier, e.type, e.additionalSigned]),
    ...(v16 ? { by_version: Object.entries(x.transactionExtensionsByVersion).map(([k, v]) => [Number(k), v]) } : {})
  };
  // the chain: spec name and versions from state_getRuntimeVersion, the
  // SS58 prefix (a u16) from System's constant
  const sys = m.pallets.find((p) => p.name === 'System');
  if (ver) out.spec = { name: ver.specName, version: ver.specVersion, transaction_version: ver.transactionVersion };
  const pfx = sys?.constants.find((c) => c.name === 'SS58Prefix');
  if (pfx) out.ss58 = leInt(pfx.value);
  out.custom = Object.entries(m.custom?.map ?? {}).map(([k, v]) => [k, v.type, v.value]);
  return out;
}
