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

function typeLine(fx, t) {
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
