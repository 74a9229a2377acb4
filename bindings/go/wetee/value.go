package wetee

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"reflect"
	"strings"

	"github.com/wetee-dao/libwetee/bindings/go/internal/cwetee"
)

// Values cross as JSON in libwetee's mapping (polkadot.js shapes, see
// docs/metadata.md) and come back as Go values: objects are
// map[string]any, arrays []any, enums "Variant" or map[string]any{"Variant":
// fields}, bytes "0x..." strings, accounts SS58 strings. Every value whose
// registry type is an integer is a *big.Int (the JSON mapping writes those
// beyond 2^53 - 1 as decimal strings; they are found by walking the registry
// type); other numbers are json.Number.
//
// Input values may be any of those, plus Go integers of any width, *big.Int
// or big.Int (handed to libwetee as decimal strings beyond 2^53 - 1 in
// magnitude), json.Number, []byte (as 0x hex), json.RawMessage (passed as is),
// and other types that encoding/json marshals (a []byte inside a struct
// would become base64 there: use a hex string or a map).

const bigLimit = 1 << 53

// jsonValue prepares a Go value for libwetee's JSON input.
func jsonValue(v any) (any, error) {
	switch x := v.(type) {
	case nil, bool, string, json.RawMessage:
		return x, nil
	case json.Number:
		if i, ok := new(big.Int).SetString(string(x), 10); ok {
			return jsonValue(i)
		}
		return x, nil
	case *big.Int:
		if x == nil {
			return nil, nil
		}
		if x.IsInt64() && x.Int64() > -bigLimit && x.Int64() < bigLimit {
			return x.Int64(), nil
		}
		return x.String(), nil
	case big.Int:
		return jsonValue(&x)
	case []byte:
		return "0x" + hex.EncodeToString(x), nil
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			c, err := jsonValue(e)
			if err != nil {
				return nil, err
			}
			out[k] = c
		}
		return out, nil
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			c, err := jsonValue(e)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return jsonValue(big.NewInt(rv.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return jsonValue(new(big.Int).SetUint64(rv.Uint()))
	case reflect.Float32, reflect.Float64:
		return nil, newError(ErrInvalidArgument, fmt.Sprintf("value: a float (%v) is not an integer", v))
	case reflect.Slice, reflect.Array:
		out := make([]any, rv.Len())
		for i := range out {
			c, err := jsonValue(rv.Index(i).Interface())
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	case reflect.Map:
		if rv.Type().Key().Kind() == reflect.String {
			out := make(map[string]any, rv.Len())
			it := rv.MapRange()
			for it.Next() {
				c, err := jsonValue(it.Value().Interface())
				if err != nil {
					return nil, err
				}
				out[it.Key().String()] = c
			}
			return out, nil
		}
	}
	return v, nil // structs and the like: encoding/json decides
}

func jsonText(v any) (string, error) {
	c, err := jsonValue(v)
	if err != nil {
		return "", err
	}
	b, err := json.Marshal(c)
	if err != nil {
		return "", newError(ErrInvalidArgument, "value: "+err.Error())
	}
	return string(b), nil
}

func parseJSON(text string) (any, error) {
	d := json.NewDecoder(strings.NewReader(text))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, newError(ErrInternal, "value: libwetee returned invalid JSON: "+err.Error())
	}
	return v, nil
}

func camelFlag(camel bool) int {
	if camel {
		return 1
	}
	return 0
}

// Encode returns the SCALE bytes of v as registry type typeID. Errors
// (ErrDecode, ErrOverflow) name the path: "dest.Id: expected 32 bytes, got 31".
func (m *Metadata) Encode(typeID uint32, v any) ([]byte, error) {
	text, err := jsonText(v)
	if err != nil {
		return nil, err
	}
	var out []byte
	err = m.use(func(h uintptr) error { return check(cwetee.Mdb_encode(&out, h, uint(typeID), text)) })
	return out, err
}

// Decode returns the value of registry type typeID in data (all of it).
func (m *Metadata) Decode(typeID uint32, data []byte, camelCase bool) (any, error) {
	var v any
	err := m.use(func(h uintptr) error {
		var text string
		if err := check(cwetee.Mdb_decode(&text, h, uint(typeID), data, camelFlag(camelCase))); err != nil {
			return err
		}
		x, err := parseJSON(text)
		v = intWalker{h}.value(x, typeID, 0)
		return err
	})
	return v, err
}

// EncodeCall returns the call bytes (pallet index, call index, arguments)
// of pallet.call; args is a map of named arguments, a slice of them in
// order, or nil for a call without arguments. ErrNotFound for an unknown
// pallet or call.
func (m *Metadata) EncodeCall(pallet, call string, args any) ([]byte, error) {
	text := ""
	if args != nil {
		var err error
		if text, err = jsonText(args); err != nil {
			return nil, err
		}
	}
	var out []byte
	err := m.use(func(h uintptr) error { return check(cwetee.Mdb_call_encode(&out, h, pallet, call, text)) })
	return out, err
}

// DecodedCall is a decoded call.
type DecodedCall struct {
	Pallet string
	Call   string
	Args   any // map[string]any of the named arguments
}

// DecodeCall decodes call bytes.
func (m *Metadata) DecodeCall(data []byte, camelCase bool) (*DecodedCall, error) {
	var dc *DecodedCall
	err := m.use(func(h uintptr) error {
		var text string
		if err := check(cwetee.Mdb_call_decode(&text, h, data, camelFlag(camelCase))); err != nil {
			return err
		}
		x, err := parseJSON(text)
		if err != nil {
			return err
		}
		obj, _ := x.(map[string]any)
		p, _ := obj["pallet"].(string)
		c, _ := obj["call"].(string)
		dc = &DecodedCall{Pallet: p, Call: c, Args: obj["args"]}
		if fields := variantFields(h, p, cwetee.MD_CALLS, c); fields != nil {
			dc.Args = intWalker{h}.fields(dc.Args, fields, 0)
		}
		return nil
	})
	return dc, err
}

func storagePos(h uintptr, pallet, entry string) (int64, int64, error) {
	p := cwetee.Mdb_pallet_position(h, pallet)
	if p < 0 {
		return 0, 0, newError(ErrNotFound, "metadata: no pallet "+pallet)
	}
	for j := int64(0); j < cwetee.Mdb_storage_count(h, p); j++ {
		if cwetee.Mdb_storage_name(h, p, j) == entry {
			return p, j, nil
		}
	}
	return 0, 0, newError(ErrNotFound, "metadata: "+pallet+" has no storage entry "+entry)
}

// StorageKey returns the storage key of pallet.entry for keys (one per
// hasher; fewer give the prefix to iterate under).
func (m *Metadata) StorageKey(pallet, entry string, keys ...any) ([]byte, error) {
	if keys == nil {
		keys = []any{}
	}
	text, err := jsonText(keys)
	if err != nil {
		return nil, err
	}
	var out []byte
	err = m.use(func(h uintptr) error {
		p, j, err := storagePos(h, pallet, entry)
		if err != nil {
			return err
		}
		return check(cwetee.Mdb_storage_key(&out, h, p, j, text))
	})
	return out, err
}

// DecodeStorage decodes the value of pallet.entry in data; data nil (no
// value in storage) gives the default, or nil for Optional entries.
func (m *Metadata) DecodeStorage(pallet, entry string, data []byte, camelCase bool) (any, error) {
	var v any
	err := m.use(func(h uintptr) error {
		p, j, err := storagePos(h, pallet, entry)
		if err != nil {
			return err
		}
		absent := 0
		if data == nil {
			absent = 1
		}
		var text string
		if err := check(cwetee.Mdb_storage_decode(&text, h, p, j, data, absent, camelFlag(camelCase))); err != nil {
			return err
		}
		x, err := parseJSON(text)
		v = intWalker{h}.value(x, uint32(cwetee.Mdb_storage_value_type(h, p, j)), 0)
		return err
	})
	return v, err
}

// Event is a decoded event record of System.Events.
type Event struct {
	Phase  any    // {"ApplyExtrinsic": n}, "Finalization" or "Initialization"
	Pallet string // "Balances"
	Name   string // "Transfer"
	Fields any    // map[string]any of the named fields (or the value / []any of unnamed ones)
	Topics []any  // 0x-hex strings
}

// DecodeEvents decodes the value of System.Events.
func (m *Metadata) DecodeEvents(data []byte, camelCase bool) ([]Event, error) {
	var out []Event
	err := m.use(func(h uintptr) error {
		var text string
		if err := check(cwetee.Mdb_events_decode(&text, h, data, camelFlag(camelCase))); err != nil {
			return err
		}
		x, err := parseJSON(text)
		if err != nil {
			return err
		}
		list, _ := x.([]any)
		out = make([]Event, len(list))
		for i, e := range list {
			obj, _ := e.(map[string]any)
			ev := Event{Phase: obj["phase"], Fields: obj["fields"]}
			ev.Pallet, _ = obj["pallet"].(string)
			ev.Name, _ = obj["event"].(string)
			ev.Topics, _ = obj["topics"].([]any)
			if fields := variantFields(h, ev.Pallet, cwetee.MD_EVENTS, ev.Name); fields != nil {
				ev.Fields = intWalker{h}.fields(ev.Fields, fields, 0)
			}
			out[i] = ev
		}
		return nil
	})
	return out, err
}

// DecodeDispatchError describes a DispatchError:
// {"kind": "Module", "pallet": "Balances", "error": "InsufficientBalance", "docs": ...}.
func (m *Metadata) DecodeDispatchError(data []byte, camelCase bool) (map[string]any, error) {
	var out map[string]any
	err := m.use(func(h uintptr) error {
		var text string
		if err := check(cwetee.Mdb_dispatch_error(&text, h, data, camelFlag(camelCase))); err != nil {
			return err
		}
		x, err := parseJSON(text)
		out, _ = x.(map[string]any)
		return err
	})
	return out, err
}

// ConstantValue decodes the constant pallet.name.
func (m *Metadata) ConstantValue(pallet, name string, camelCase bool) (any, error) {
	p := m.Pallet(pallet)
	if p == nil || p.Constant(name) == nil {
		return nil, newError(ErrNotFound, "metadata: no constant "+pallet+"."+name)
	}
	c := p.Constant(name)
	return m.Decode(c.Type, c.Value, camelCase)
}

// ---- integer-typed positions of decoded JSON to *big.Int

type namedType struct {
	name string
	ty   uint32
}

func variantFields(h uintptr, pallet string, kind cwetee.Enum_SS_wetee_md_enum_kind, name string) []namedType {
	p := cwetee.Mdb_pallet_position(h, pallet)
	if p < 0 {
		return nil
	}
	k := int(kind)
	for j := int64(0); j < cwetee.Mdb_variant_count(h, p, k); j++ {
		if cwetee.Mdb_variant_name(h, p, k, j) != name {
			continue
		}
		n := cwetee.Mdb_field_count(h, p, k, j)
		out := make([]namedType, n)
		for f := int64(0); f < n; f++ {
			out[f] = namedType{cwetee.Mdb_field_name(h, p, k, j, f), uint32(cwetee.Mdb_field_type(h, p, k, j, f))}
		}
		return out
	}
	return nil
}

// sameName: a JSON key matches a metadata name as is or camelCased.
func sameName(key, name string) bool {
	if key == name {
		return true
	}
	norm := func(s string) string { return strings.ToLower(strings.ReplaceAll(s, "_", "")) }
	return norm(key) == norm(name)
}

// intWalker walks decoded JSON along its registry type and makes every
// integer-typed value a *big.Int; anything without the expected shape is
// left as it is.
type intWalker struct{ h uintptr }

const (
	kindComposite = iota
	kindVariant
	kindSequence
	kindArray
	kindTuple
	kindPrimitive
	kindCompact
)

func (w intWalker) fields(x any, fields []namedType, depth int) any {
	if len(fields) == 0 {
		return x
	}
	named := true
	for _, f := range fields {
		named = named && f.name != ""
	}
	if named {
		obj, ok := x.(map[string]any)
		if !ok {
			return x
		}
		for k, v := range obj {
			for _, f := range fields {
				if sameName(k, f.name) {
					obj[k] = w.value(v, f.ty, depth+1)
					break
				}
			}
		}
		return obj
	}
	if len(fields) == 1 {
		return w.value(x, fields[0].ty, depth+1)
	}
	if list, ok := x.([]any); ok && len(list) == len(fields) {
		for i := range list {
			list[i] = w.value(list[i], fields[i].ty, depth+1)
		}
	}
	return x
}

func (w intWalker) value(x any, ty uint32, depth int) any {
	h := w.h
	if depth > 128 {
		return x
	}
	switch cwetee.Mdb_type_kind(h, uint(ty)) {
	case kindPrimitive:
		if cwetee.Mdb_type_primitive(h, uint(ty)) < 3 { // bool, char, str
			return x
		}
		var s string
		switch v := x.(type) {
		case json.Number:
			s = string(v)
		case string:
			s = v
		default:
			return x
		}
		if i, ok := new(big.Int).SetString(s, 10); ok {
			return i
		}
		return x
	case kindCompact:
		return w.value(x, uint32(cwetee.Mdb_type_elem(h, uint(ty))), depth+1)
	case kindSequence, kindArray:
		if list, ok := x.([]any); ok {
			elem := uint32(cwetee.Mdb_type_elem(h, uint(ty)))
			for i := range list {
				list[i] = w.value(list[i], elem, depth+1)
			}
		}
		return x
	case kindTuple:
		n := cwetee.Mdb_type_tuple_len(h, uint(ty))
		if n == 1 {
			return w.value(x, uint32(cwetee.Mdb_type_tuple_elem(h, uint(ty), 0)), depth+1)
		}
		if list, ok := x.([]any); ok && int64(len(list)) == n {
			for i := range list {
				list[i] = w.value(list[i], uint32(cwetee.Mdb_type_tuple_elem(h, uint(ty), int64(i))), depth+1)
			}
		}
		return x
	case kindComposite:
		n := cwetee.Mdb_type_field_count(h, uint(ty))
		fields := make([]namedType, n)
		for k := int64(0); k < n; k++ {
			fields[k] = namedType{cwetee.Mdb_type_field_name(h, uint(ty), k), uint32(cwetee.Mdb_type_field_type(h, uint(ty), k))}
		}
		return w.fields(x, fields, depth)
	case kindVariant:
		nv := cwetee.Mdb_type_variant_count(h, uint(ty))
		if nv == 2 && cwetee.Mdb_type_variant_name(h, uint(ty), 0) == "None" &&
			cwetee.Mdb_type_variant_name(h, uint(ty), 1) == "Some" {
			var path string
			if check(cwetee.Mdb_type_path(&path, h, uint(ty))) == nil && path == "Option" {
				if x == nil {
					return nil
				}
				return w.value(x, uint32(cwetee.Mdb_type_variant_field_type(h, uint(ty), 1, 0)), depth+1)
			}
		}
		obj, ok := x.(map[string]any)
		if !ok || len(obj) != 1 {
			return x
		}
		for k, v := range obj {
			for j := int64(0); j < nv; j++ {
				if !sameName(k, cwetee.Mdb_type_variant_name(h, uint(ty), j)) {
					continue
				}
				nf := cwetee.Mdb_type_variant_field_count(h, uint(ty), j)
				fields := make([]namedType, nf)
				for f := int64(0); f < nf; f++ {
					fields[f] = namedType{cwetee.Mdb_type_variant_field_name(h, uint(ty), j, f),
						uint32(cwetee.Mdb_type_variant_field_type(h, uint(ty), j, f))}
				}
				obj[k] = w.fields(v, fields, depth)
				break
			}
		}
		return obj
	}
	return x
}
