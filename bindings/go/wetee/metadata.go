package wetee

import (
	"runtime"
	"sync"

	"github.com/wetee-dao/libwetee/bindings/go/internal/cwetee"
)

// NoType is the type id meaning "no type" (e.g. the key type of a plain
// storage entry).
const NoType = ^uint32(0)

// StorageHasher is a storage hasher, in frame-metadata order.
type StorageHasher int

// The storage hashers.
const (
	HasherBlake2_128 StorageHasher = iota
	HasherBlake2_256
	HasherBlake2_128Concat
	HasherTwox128
	HasherTwox256
	HasherTwox64Concat
	HasherIdentity
)

// StorageModifier says whether an absent storage value is None or the
// entry's default.
type StorageModifier int

// The storage modifiers.
const (
	StorageOptional StorageModifier = iota
	StorageDefault
)

// Field is an argument of a call, event or error.
type Field struct {
	Name     string // "" when unnamed
	Type     uint32 // registry type id
	TypeName string // the Rust type name in the source ("T::Balance"), or ""
}

// Variant is a call, event or error of a pallet.
type Variant struct {
	Name   string
	Index  uint8
	Fields []Field
	Docs   string // doc lines joined with "\n"
}

// StorageEntry is a storage entry of a pallet.
type StorageEntry struct {
	Name      string
	Modifier  StorageModifier
	Hashers   []StorageHasher // empty for plain entries
	KeyType   uint32          // NoType for plain entries
	ValueType uint32
	Default   []byte // SCALE bytes of the default value
}

// Constant is a pallet constant.
type Constant struct {
	Name  string
	Type  uint32
	Value []byte // SCALE bytes
}

// Pallet is a pallet with its calls, events, errors, storage and constants.
type Pallet struct {
	Name          string
	Index         uint8
	Calls         []Variant
	Events        []Variant
	Errors        []Variant
	StoragePrefix string
	Storage       []StorageEntry
	Constants     []Constant
}

// RuntimeAPI is a runtime API (V15+) and its method names.
type RuntimeAPI struct {
	Name    string
	Methods []string
}

func variantByName(vs []Variant, name string) *Variant {
	for i := range vs {
		if vs[i].Name == name {
			return &vs[i]
		}
	}
	return nil
}

// Call returns the call called name, or nil.
func (p *Pallet) Call(name string) *Variant { return variantByName(p.Calls, name) }

// Event returns the event called name, or nil.
func (p *Pallet) Event(name string) *Variant { return variantByName(p.Events, name) }

// Error returns the error called name, or nil.
func (p *Pallet) Error(name string) *Variant { return variantByName(p.Errors, name) }

// StorageEntry returns the storage entry called name, or nil.
func (p *Pallet) StorageEntry(name string) *StorageEntry {
	for i := range p.Storage {
		if p.Storage[i].Name == name {
			return &p.Storage[i]
		}
	}
	return nil
}

// Constant returns the constant called name, or nil.
func (p *Pallet) Constant(name string) *Constant {
	for i := range p.Constants {
		if p.Constants[i].Name == name {
			return &p.Constants[i]
		}
	}
	return nil
}

// Metadata is parsed runtime metadata (V14, V15 or V16), held in libwetee's
// memory. The enumeration (Pallets, RuntimeAPIs, chain information) is
// copied into Go values when it is loaded and stays usable after Close;
// methods that need the C object return ErrState errors after Close. A
// Metadata may be used from several goroutines at once; Close waits for
// calls in progress, and a Metadata never closed is freed by a finalizer.
type Metadata struct {
	mu          sync.RWMutex
	h           uintptr // the wetee_metadata, 0 once closed
	version     int
	specName    string
	specVersion uint32
	hasSpec     bool
	ss58        uint16
	hasSS58     bool
	typeCount   int
	pallets     []Pallet
	apis        []RuntimeAPI
}

func keepDocsFlag(keepDocs bool) int {
	if keepDocs {
		return 1
	}
	return 0
}

// LoadMetadata parses metadata bytes: RuntimeMetadataPrefixed ("meta" ...),
// the bare versioned form, OpaqueMetadata (state_getMetadata) or
// Option<OpaqueMetadata> (Metadata_metadata_at_version). Versions 14, 15
// and 16; another gives ErrUnsupported naming it; malformed input
// ErrTruncated, ErrDecode, ... naming the item and offset. keepDocs false
// drops the documentation (less memory).
func LoadMetadata(data []byte, keepDocs bool) (*Metadata, error) {
	var h uintptr
	status := cwetee.Mdb_parse(&h, data, keepDocsFlag(keepDocs))
	return newMetadata(status, h)
}

// LoadMetadataHex parses the hex text of state_getMetadata (with or
// without 0x, optionally quoted).
func LoadMetadataHex(text string, keepDocs bool) (*Metadata, error) {
	var h uintptr
	status := cwetee.Mdb_parse_hex(&h, text, keepDocsFlag(keepDocs))
	return newMetadata(status, h)
}

// LoadMetadataRPCResponse parses a whole JSON-RPC response of
// state_getMetadata ({"jsonrpc":"2.0","id":1,"result":"0x6d657461..."}).
func LoadMetadataRPCResponse(json []byte, keepDocs bool) (*Metadata, error) {
	var h uintptr
	status := cwetee.Mdb_parse_rpc(&h, string(json), keepDocsFlag(keepDocs))
	return newMetadata(status, h)
}

func newMetadata(status string, h uintptr) (*Metadata, error) {
	if err := check(status); err != nil {
		if h != 0 {
			cwetee.Metadata_free(h)
		}
		return nil, err
	}
	m := &Metadata{h: h}
	runtime.SetFinalizer(m, (*Metadata).Close)
	m.version = int(cwetee.Metadata_version(h))
	m.specName = cwetee.Metadata_spec_name(h)
	// (locals: cgo may not be handed a pointer into m, which holds Go pointers)
	var specVersion uint32
	var ss58 uint16
	m.hasSpec = check(cwetee.Metadata_spec_version(&specVersion, h)) == nil
	m.hasSS58 = check(cwetee.Metadata_ss58_prefix(&ss58, h)) == nil
	m.specVersion, m.ss58 = specVersion, ss58
	m.typeCount = int(cwetee.Metadata_type_count(h))
	np := cwetee.Metadata_pallet_count(h)
	m.pallets = make([]Pallet, np)
	for p := int64(0); p < np; p++ {
		m.pallets[p] = loadPallet(h, p)
	}
	na := cwetee.Metadata_runtime_api_count(h)
	m.apis = make([]RuntimeAPI, na)
	for a := int64(0); a < na; a++ {
		nm := cwetee.Mdb_api_method_count(h, a)
		api := RuntimeAPI{Name: cwetee.Mdb_api_name(h, a), Methods: make([]string, nm)}
		for j := int64(0); j < nm; j++ {
			api.Methods[j] = cwetee.Mdb_api_method_name(h, a, j)
		}
		m.apis[a] = api
	}
	return m, nil
}

func loadVariants(h uintptr, p int64, kind cwetee.Enum_SS_wetee_md_enum_kind) []Variant {
	k := int(kind)
	n := cwetee.Mdb_variant_count(h, p, k)
	out := make([]Variant, n)
	for j := int64(0); j < n; j++ {
		v := &out[j]
		v.Name = cwetee.Mdb_variant_name(h, p, k, j)
		v.Index = uint8(cwetee.Mdb_variant_index(h, p, k, j))
		var docs string
		must(cwetee.Mdb_variant_docs(&docs, h, p, k, j))
		v.Docs = docs
		nf := cwetee.Mdb_field_count(h, p, k, j)
		v.Fields = make([]Field, nf)
		for f := int64(0); f < nf; f++ {
			v.Fields[f] = Field{
				Name:     cwetee.Mdb_field_name(h, p, k, j, f),
				Type:     uint32(cwetee.Mdb_field_type(h, p, k, j, f)),
				TypeName: cwetee.Mdb_field_type_name(h, p, k, j, f),
			}
		}
	}
	return out
}

func loadPallet(h uintptr, p int64) Pallet {
	pl := Pallet{
		Name:          cwetee.Mdb_pallet_name(h, p),
		Index:         uint8(cwetee.Mdb_pallet_index(h, p)),
		Calls:         loadVariants(h, p, cwetee.MD_CALLS),
		Events:        loadVariants(h, p, cwetee.MD_EVENTS),
		Errors:        loadVariants(h, p, cwetee.MD_ERRORS),
		StoragePrefix: cwetee.Mdb_storage_prefix(h, p),
	}
	ns := cwetee.Mdb_storage_count(h, p)
	pl.Storage = make([]StorageEntry, ns)
	for j := int64(0); j < ns; j++ {
		s := &pl.Storage[j]
		s.Name = cwetee.Mdb_storage_name(h, p, j)
		s.Modifier = StorageModifier(cwetee.Mdb_storage_modifier(h, p, j))
		nh := cwetee.Mdb_storage_hasher_count(h, p, j)
		s.Hashers = make([]StorageHasher, nh)
		for k := int64(0); k < nh; k++ {
			s.Hashers[k] = StorageHasher(cwetee.Mdb_storage_hasher(h, p, j, k))
		}
		s.KeyType = uint32(cwetee.Mdb_storage_key_type(h, p, j))
		s.ValueType = uint32(cwetee.Mdb_storage_value_type(h, p, j))
		var def []byte
		must(cwetee.Mdb_storage_default(&def, h, p, j))
		s.Default = def
	}
	nc := cwetee.Mdb_constant_count(h, p)
	pl.Constants = make([]Constant, nc)
	for j := int64(0); j < nc; j++ {
		c := &pl.Constants[j]
		c.Name = cwetee.Mdb_constant_name(h, p, j)
		c.Type = uint32(cwetee.Mdb_constant_type(h, p, j))
		var value []byte
		must(cwetee.Mdb_constant_value(&value, h, p, j))
		c.Value = value
	}
	return pl
}

// use runs f with the handle, holding the read lock that Close waits for.
func (m *Metadata) use(f func(h uintptr) error) error {
	if m == nil {
		return newError(ErrInvalidArgument, "metadata: nil *Metadata")
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	if m.h == 0 {
		return newError(ErrState, "metadata: closed")
	}
	return f(m.h)
}

// Close frees the C object. It may be called more than once and always
// returns nil.
func (m *Metadata) Close() error {
	if m == nil {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.h != 0 {
		cwetee.Metadata_free(m.h)
		m.h = 0
		runtime.SetFinalizer(m, nil)
	}
	return nil
}

// Version returns the metadata version: 14, 15 or 16.
func (m *Metadata) Version() int { return m.version }

// SpecName returns the spec name from System.Version ("polkadot"), or "".
func (m *Metadata) SpecName() string { return m.specName }

// SpecVersion returns the spec version from System.Version; ok is false
// when the metadata has no usable System.Version.
func (m *Metadata) SpecVersion() (v uint32, ok bool) { return m.specVersion, m.hasSpec }

// SS58Prefix returns the SS58 prefix from System.SS58Prefix; ok is false
// when the constant is absent.
func (m *Metadata) SS58Prefix() (prefix uint16, ok bool) { return m.ss58, m.hasSS58 }

// TypeCount returns the number of types in the portable registry.
func (m *Metadata) TypeCount() int { return m.typeCount }

// Pallets returns the pallets in metadata order (shared: do not modify).
func (m *Metadata) Pallets() []Pallet { return m.pallets }

// Pallet returns the pallet called name, or nil.
func (m *Metadata) Pallet(name string) *Pallet {
	for i := range m.pallets {
		if m.pallets[i].Name == name {
			return &m.pallets[i]
		}
	}
	return nil
}

// RuntimeAPIs returns the runtime APIs with their method names (V15+;
// empty for V14).
func (m *Metadata) RuntimeAPIs() []RuntimeAPI { return m.apis }

// TypePath returns the path of a registry type
// ("sp_runtime::multiaddress::MultiAddress"; "" for types without one).
// Errors: ErrNotFound for an unknown id, ErrState after Close.
func (m *Metadata) TypePath(id uint32) (string, error) {
	var s string
	err := m.use(func(h uintptr) error { return check(cwetee.Mdb_type_path(&s, h, uint(id))) })
	return s, err
}

// Hash returns the RFC-0078 metadata hash that CheckMetadataHash signs in
// mode 1. Only V15 metadata (Metadata_metadata_at_version(15)) gives the
// chain's hash; V14 and V16 give ErrUnsupported. Spec name, spec version
// and SS58 prefix come from the metadata, decimals and tokenSymbol from
// the chain properties.
func (m *Metadata) Hash(decimals uint8, tokenSymbol string) ([32]byte, error) {
	var out [32]byte
	err := m.use(func(h uintptr) error { return check(cwetee.Mdb_hash(out[:], h, uint(decimals), tokenSymbol)) })
	return out, err
}

// Digest returns the SCALE MetadataDigest::V1 whose BLAKE3 hash is Hash.
func (m *Metadata) Digest(decimals uint8, tokenSymbol string) ([]byte, error) {
	var out []byte
	err := m.use(func(h uintptr) error { return check(cwetee.Mdb_digest(&out, h, uint(decimals), tokenSymbol)) })
	return out, err
}
