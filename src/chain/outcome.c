/* Chain client parts that do not touch the network (see chain_impl.h). */
#include <stdio.h>
#include <string.h>

#include "chain/chain_impl.h"
#include "internal/common.h"
#include "wetee/hash.h"
#include "wetee/scale.h"
#include "wetee/tx.h"
#include "wetee/value.h"

const char *wetee_tx_status_name(int status)
{
    static const char *const names[] = { "unknown",   "validated", "broadcast", "inBlock",         "retracted", "finalized",
                                         "dropped",   "invalid",   "usurped",   "finalityTimeout", "error" };
    return status >= 1 && status <= 10 ? names[status] : names[0];
}

void wt_hex_str(char *out, const uint8_t *p, size_t n)
{
    static const char hx[] = "0123456789abcdef";
    size_t i;
    out[0] = '0';
    out[1] = 'x';
    for (i = 0; i < n; i++) {
        out[2 + 2 * i] = hx[p[i] >> 4];
        out[3 + 2 * i] = hx[p[i] & 15];
    }
    out[2 + 2 * n] = 0;
}

int wt_json_parse(json_t **out, const char *text, size_t len, const char *what)
{
    json_error_t e;
    *out = json_loadb(text, len, JSON_DECODE_ANY, &e);
    if (!*out) return wt_error(WETEE_ERR_DECODE, "chain: %s: invalid JSON at line %d column %d: %s", what, e.line, e.column, e.text);
    return WETEE_OK;
}

int wt_hash_from_json(uint8_t out[32], const json_t *s)
{
    const char *t = json_string_value(s);
    if (!t || strlen(t) != 66) return wt_error(WETEE_ERR_DECODE, "chain: expected a 0x-hex 32-byte hash");
    return wetee_hex_decode_exact(out, 32, t, 66);
}

int wt_u64_from_json(uint64_t *out, const json_t *v)
{
    const char *t;
    uint64_t r = 0;
    size_t i;
    if (json_is_integer(v)) {
        if (json_integer_value(v) < 0) return wt_error(WETEE_ERR_DECODE, "chain: negative number");
        *out = (uint64_t)json_integer_value(v);
        return WETEE_OK;
    }
    t = json_string_value(v);
    if (!t || !*t) return wt_error(WETEE_ERR_DECODE, "chain: expected a number");
    if (t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) {
        if (!t[2] || strlen(t + 2) > 16) return wt_error(WETEE_ERR_DECODE, "chain: bad hex number \"%.40s\"", t);
        for (i = 2; t[i]; i++) {
            int d = t[i] >= '0' && t[i] <= '9' ? t[i] - '0' : t[i] >= 'a' && t[i] <= 'f' ? t[i] - 'a' + 10
                  : t[i] >= 'A' && t[i] <= 'F' ? t[i] - 'A' + 10 : -1;
            if (d < 0) return wt_error(WETEE_ERR_DECODE, "chain: bad hex number \"%.40s\"", t);
            r = r << 4 | (uint64_t)d;
        }
    } else {
        for (i = 0; t[i]; i++) {
            if (t[i] < '0' || t[i] > '9' || r > (UINT64_MAX - (uint64_t)(t[i] - '0')) / 10)
                return wt_error(WETEE_ERR_DECODE, "chain: bad number \"%.40s\"", t);
            r = r * 10 + (uint64_t)(t[i] - '0');
        }
    }
    *out = r;
    return WETEE_OK;
}

static void set_reason(wt_tx_event *ev, const json_t *why)
{
    char *s;
    if (!why) return;
    if (json_is_string(why)) {
        snprintf(ev->reason, sizeof ev->reason, "%s", json_string_value(why));
        return;
    }
    s = json_dumps(why, JSON_COMPACT | JSON_ENCODE_ANY);
    if (s) {
        snprintf(ev->reason, sizeof ev->reason, "%s", s);
        wt_json_text_free(s);
    }
}

int wt_tx_event_parse_legacy(wt_tx_event *ev, const char *json, size_t len)
{
    static const struct {
        const char *name;
        int status, block;
    } map[] = {
        { "ready", WETEE_TX_VALIDATED, 0 },        { "future", WETEE_TX_VALIDATED, 0 },
        { "broadcast", WETEE_TX_BROADCAST, 0 },    { "inBlock", WETEE_TX_IN_BLOCK, 1 },
        { "retracted", WETEE_TX_RETRACTED, 1 },    { "finalized", WETEE_TX_FINALIZED, 1 },
        { "finalityTimeout", WETEE_TX_FINALITY_TIMEOUT, 1 }, { "usurped", WETEE_TX_USURPED, 0 },
        { "dropped", WETEE_TX_DROPPED, 0 },        { "invalid", WETEE_TX_INVALID, 0 },
    };
    json_t *v;
    const char *key = NULL;
    const json_t *val = NULL;
    size_t i;
    int rc;
    memset(ev, 0, sizeof *ev);
    if ((rc = wt_json_parse(&v, json, len, "transaction status")) != WETEE_OK) return rc;
    if (json_is_string(v)) key = json_string_value(v);
    else if (json_is_object(v) && json_object_size(v) == 1) {
        void *it = json_object_iter(v);
        key = json_object_iter_key(it);
        val = json_object_iter_value(it);
    }
    rc = wt_error(WETEE_ERR_DECODE, "chain: unknown transaction status %.80s", json);
    for (i = 0; key && i < sizeof map / sizeof map[0]; i++) {
        if (strcmp(key, map[i].name) != 0) continue;
        ev->status = map[i].status;
        rc = WETEE_OK;
        if (map[i].block) {
            rc = wt_hash_from_json(ev->block_hash, val);
            ev->has_block = rc == WETEE_OK;
        }
        if (map[i].status == WETEE_TX_INVALID || map[i].status == WETEE_TX_DROPPED) snprintf(ev->reason, sizeof ev->reason, "%s", key);
        if (map[i].status == WETEE_TX_USURPED) set_reason(ev, val);
        break;
    }
    json_decref(v);
    return rc;
}

int wt_tx_event_parse_new(wt_tx_event *ev, const char *json, size_t len)
{
    json_t *v, *blk;
    const char *e;
    int rc = WETEE_OK;
    memset(ev, 0, sizeof *ev);
    if ((rc = wt_json_parse(&v, json, len, "transaction event")) != WETEE_OK) return rc;
    e = json_string_value(json_object_get(v, "event"));
    blk = json_object_get(v, "block");
    if (!e) rc = wt_error(WETEE_ERR_DECODE, "chain: transaction event without \"event\": %.80s", json);
    else if (!strcmp(e, "validated")) ev->status = WETEE_TX_VALIDATED;
    else if (!strcmp(e, "broadcasted")) ev->status = WETEE_TX_BROADCAST;
    else if (!strcmp(e, "bestChainBlockIncluded") || !strcmp(e, "finalized")) {
        int fin = e[0] == 'f';
        if (json_is_object(blk)) {
            ev->status = fin ? WETEE_TX_FINALIZED : WETEE_TX_IN_BLOCK;
            rc = wt_hash_from_json(ev->block_hash, json_object_get(blk, "hash"));
            ev->has_block = rc == WETEE_OK;
        } else if (!fin && (!blk || json_is_null(blk))) {
            ev->status = WETEE_TX_RETRACTED;
        } else rc = wt_error(WETEE_ERR_DECODE, "chain: finalized transaction event without a block");
    } else if (!strcmp(e, "invalid") || !strcmp(e, "dropped") || !strcmp(e, "error")) {
        ev->status = e[0] == 'i' ? WETEE_TX_INVALID : e[0] == 'd' ? WETEE_TX_DROPPED : WETEE_TX_ERROR;
        set_reason(ev, json_object_get(v, "error"));
    } else rc = wt_error(WETEE_ERR_DECODE, "chain: unknown transaction event \"%.40s\"", e);
    json_decref(v);
    return rc;
}

long wt_find_extrinsic(const json_t *extrinsics, const uint8_t tx_hash[32])
{
    size_t i;
    wetee_buf b = WETEE_BUF_INIT;
    long found = -1;
    for (i = 0; i < json_array_size(extrinsics) && found < 0; i++) {
        const char *hex = json_string_value(json_array_get(extrinsics, i));
        uint8_t h[32];
        if (!hex || wetee_hex_decode(&b, hex, strlen(hex)) != WETEE_OK) continue;
        if (wetee_extrinsic_hash(h, b.data, b.len) == WETEE_OK && memcmp(h, tx_hash, 32) == 0) found = (long)i;
    }
    wetee_buf_free(&b);
    return found;
}

uint32_t wt_dispatch_error_type(const wetee_metadata *md)
{
    size_t i, n = wetee_metadata_type_count(md);
    for (i = 0; i < n; i++) {
        const wetee_md_type *t = wetee_metadata_type(md, (uint32_t)i);
        if (t && wetee_md_type_path_len(t) == 2 && !strcmp(wetee_md_type_path(t, 0), "sp_runtime") &&
            !strcmp(wetee_md_type_path(t, 1), "DispatchError"))
            return wetee_md_type_id(t);
    }
    return WETEE_METADATA_NO_TYPE;
}

/* phase {"ApplyExtrinsic": i} */
static long phase_index(const json_t *phase)
{
    const json_t *i = json_object_get(phase, "ApplyExtrinsic");
    if (!i) i = json_object_get(phase, "applyExtrinsic");
    return json_is_integer(i) ? (long)json_integer_value(i) : -1;
}

static int describe_error(json_t **out, const wetee_metadata *md, const json_t *err)
{
    wetee_buf enc = WETEE_BUF_INIT, js = WETEE_BUF_INIT;
    char *txt = json_dumps(err, JSON_COMPACT | JSON_ENCODE_ANY);
    uint32_t ty = wt_dispatch_error_type(md);
    int rc;
    if (!txt) return WETEE_ERR_NO_MEMORY;
    if (ty == WETEE_METADATA_NO_TYPE) rc = wt_error(WETEE_ERR_NOT_FOUND, "chain: the registry has no DispatchError");
    else if ((rc = wetee_value_encode_json(&enc, md, ty, txt, strlen(txt))) == WETEE_OK &&
             (rc = wetee_dispatch_error_json(&js, md, enc.data, enc.len, NULL)) == WETEE_OK)
        rc = wt_json_parse(out, (const char *)js.data, js.len, "dispatch error");
    wt_json_text_free(txt);
    wetee_buf_free(&enc);
    wetee_buf_free(&js);
    return rc;
}

int wt_extrinsic_outcome(json_t *obj, const wetee_metadata *md, const uint8_t *events, size_t events_len, long index)
{
    wetee_buf js = WETEE_BUF_INIT;
    json_t *all = NULL, *mine, *err = json_null();
    size_t i;
    int rc, success = -1;
    if ((rc = wetee_events_decode_json(&js, md, events, events_len, NULL)) != WETEE_OK) return rc;
    rc = wt_json_parse(&all, (const char *)js.data, js.len, "events");
    wetee_buf_free(&js);
    if (rc != WETEE_OK) return rc;
    mine = json_array();
    for (i = 0; i < json_array_size(all); i++) {
        json_t *e = json_array_get(all, i);
        const char *pallet = json_string_value(json_object_get(e, "pallet"));
        const char *name = json_string_value(json_object_get(e, "event"));
        if (phase_index(json_object_get(e, "phase")) != index) continue;
        json_array_append(mine, e);
        if (!pallet || !name || strcmp(pallet, "System") != 0) continue;
        if (!strcmp(name, "ExtrinsicSuccess")) success = 1;
        if (!strcmp(name, "ExtrinsicFailed")) {
            json_t *fields = json_object_get(e, "fields"), *de = json_object_get(fields, "dispatch_error");
            success = 0;
            if (de) {
                json_t *d = NULL;
                if ((rc = describe_error(&d, md, de)) != WETEE_OK) {
                    /* keep the raw value when it cannot be described */
                    d = json_pack("{s:s,s:O}", "kind", "Unknown", "value", de);
                    rc = WETEE_OK;
                }
                json_decref(err);
                err = d;
            }
        }
    }
    json_decref(all);
    if (success < 0) {
        json_decref(mine);
        json_decref(err);
        return wt_error(WETEE_ERR_DECODE, "chain: no ExtrinsicSuccess or ExtrinsicFailed event for extrinsic %ld", index);
    }
    json_object_set_new(obj, "success", json_boolean(success));
    json_object_set_new(obj, "error", err);
    json_object_set_new(obj, "events", mine);
    return WETEE_OK;
}

/* ------------------------------------------------------------------ */
/* chainHead_v1_follow bookkeeping                                     */
/* ------------------------------------------------------------------ */

void wt_heads_free(wt_heads *h)
{
    wt_free(h->b);
    memset(h, 0, sizeof *h);
}

void wt_head_actions_free(wt_head_actions *a)
{
    wt_free(a->unpin);
    wt_free(a->pruned);
    wt_free(a->finalized);
    wt_free(a->added);
    memset(a, 0, sizeof *a);
}

wt_head_block *wt_heads_find(wt_heads *h, const uint8_t hash[32])
{
    size_t i;
    for (i = 0; i < h->n; i++)
        if (!memcmp(h->b[i].hash, hash, 32)) return &h->b[i];
    return NULL;
}

static int push_hash(uint8_t (**arr)[32], size_t *n, const uint8_t h[32])
{
    uint8_t(*p)[32] = wt_realloc(*arr, (*n + 1) * 32);
    if (!p) return WETEE_ERR_NO_MEMORY;
    memcpy(p[*n], h, 32);
    *arr = p;
    (*n)++;
    return WETEE_OK;
}

static int heads_add(wt_heads *h, const uint8_t hash[32], const uint8_t *parent, int finalized)
{
    wt_head_block *b = wt_heads_find(h, hash), *pb;
    if (b) return WETEE_OK;
    if (h->n == h->cap) {
        size_t cap = h->cap ? h->cap * 2 : 16;
        wt_head_block *nb = wt_realloc(h->b, cap * sizeof *nb);
        if (!nb) return WETEE_ERR_NO_MEMORY;
        h->b = nb;
        h->cap = cap;
    }
    b = &h->b[h->n++];
    memset(b, 0, sizeof *b);
    memcpy(b->hash, hash, 32);
    if (parent) memcpy(b->parent, parent, 32);
    b->finalized = finalized;
    pb = parent ? wt_heads_find(h, parent) : NULL;
    if (pb && pb->has_number) {
        b->number = pb->number + 1;
        b->has_number = 1;
    }
    return WETEE_OK;
}

static void heads_remove(wt_heads *h, const uint8_t hash[32])
{
    wt_head_block *b = wt_heads_find(h, hash);
    if (!b) return;
    *b = h->b[--h->n];
}

static int hashes(uint8_t (**arr)[32], size_t *n, const json_t *list, const char *what)
{
    size_t i;
    int rc;
    if (!json_is_array(list)) return wt_error(WETEE_ERR_DECODE, "chain: followEvent without %s", what);
    for (i = 0; i < json_array_size(list); i++) {
        uint8_t h[32];
        if ((rc = wt_hash_from_json(h, json_array_get(list, i))) != WETEE_OK) return rc;
        if ((rc = push_hash(arr, n, h)) != WETEE_OK) return rc;
    }
    return WETEE_OK;
}

int wt_heads_apply(wt_heads *h, wt_head_actions *a, const json_t *event)
{
    const char *e = json_string_value(json_object_get(event, "event"));
    size_t i;
    int rc = WETEE_OK;
    memset(a, 0, sizeof *a);
    if (!e) return wt_error(WETEE_ERR_DECODE, "chain: followEvent without \"event\"");
    if (!strcmp(e, "initialized")) {
        a->kind = 1;
        if ((rc = hashes(&a->added, &a->n_added, json_object_get(event, "finalizedBlockHashes"), "finalizedBlockHashes")))
            return rc;
        for (i = 0; i < a->n_added; i++) {
            if ((rc = heads_add(h, a->added[i], i ? a->added[i - 1] : NULL, 1)) != WETEE_OK) return rc;
            /* all but the newest finalized block can go at once */
            if (i + 1 < a->n_added && (rc = push_hash(&a->unpin, &a->n_unpin, a->added[i])) != WETEE_OK) return rc;
        }
        for (i = 0; i + 1 < a->n_added; i++) heads_remove(h, a->added[i]);
    } else if (!strcmp(e, "newBlock")) {
        uint8_t hh[32], ph[32];
        a->kind = 2;
        if ((rc = wt_hash_from_json(hh, json_object_get(event, "blockHash"))) != WETEE_OK ||
            (rc = wt_hash_from_json(ph, json_object_get(event, "parentBlockHash"))) != WETEE_OK)
            return rc;
        if ((rc = heads_add(h, hh, ph, 0)) != WETEE_OK) return rc;
        rc = push_hash(&a->added, &a->n_added, hh);
    } else if (!strcmp(e, "bestBlockChanged")) {
        a->kind = 3;
    } else if (!strcmp(e, "finalized")) {
        a->kind = 4;
        if ((rc = hashes(&a->finalized, &a->n_finalized, json_object_get(event, "finalizedBlockHashes"),
                         "finalizedBlockHashes")) != WETEE_OK)
            return rc;
        {
            uint8_t(*pr)[32] = NULL;
            size_t npr = 0;
            if ((rc = hashes(&pr, &npr, json_object_get(event, "prunedBlockHashes"), "prunedBlockHashes")) != WETEE_OK) {
                wt_free(pr);
                return rc;
            }
            for (i = 0; i < npr && rc == WETEE_OK; i++) {
                wt_head_block *b = wt_heads_find(h, pr[i]);
                if (b && b->reported) rc = push_hash(&a->pruned, &a->n_pruned, pr[i]);
                if (b && rc == WETEE_OK) rc = push_hash(&a->unpin, &a->n_unpin, pr[i]);
                heads_remove(h, pr[i]);
            }
            wt_free(pr);
            if (rc != WETEE_OK) return rc;
        }
        /* earlier finalized blocks are no longer needed: keep only the newest */
        if (a->n_finalized) {
            const uint8_t *newest = a->finalized[a->n_finalized - 1];
            for (i = 0; i < a->n_finalized; i++) {
                wt_head_block *b = wt_heads_find(h, a->finalized[i]);
                if (b) b->finalized = 1;
            }
            for (i = 0; i < h->n && rc == WETEE_OK;) {
                if (h->b[i].finalized && memcmp(h->b[i].hash, newest, 32) != 0) {
                    rc = push_hash(&a->unpin, &a->n_unpin, h->b[i].hash);
                    h->b[i] = h->b[--h->n];
                } else i++;
            }
        }
    } else if (!strcmp(e, "stop")) {
        a->kind = 5;
        /* the server forgot every pinned block */
        h->n = 0;
    } else if (!strncmp(e, "operation", 9)) {
        a->kind = 6;
    }
    return rc;
}

int wt_header_hash(uint8_t out[32], const json_t *h)
{
    wetee_buf b = WETEE_BUF_INIT;
    uint8_t hb[32];
    uint64_t num;
    const json_t *logs = json_object_get(json_object_get(h, "digest"), "logs");
    size_t i;
    int rc;
    if ((rc = wt_hash_from_json(hb, json_object_get(h, "parentHash"))) != WETEE_OK) return rc;
    if ((rc = wetee_buf_append(&b, hb, 32)) != WETEE_OK) goto done;
    if ((rc = wt_u64_from_json(&num, json_object_get(h, "number"))) != WETEE_OK) goto done;
    if ((rc = wetee_scale_put_compact_u64(&b, num)) != WETEE_OK) goto done;
    if ((rc = wt_hash_from_json(hb, json_object_get(h, "stateRoot"))) != WETEE_OK || (rc = wetee_buf_append(&b, hb, 32)) != WETEE_OK)
        goto done;
    if ((rc = wt_hash_from_json(hb, json_object_get(h, "extrinsicsRoot"))) != WETEE_OK || (rc = wetee_buf_append(&b, hb, 32)) != WETEE_OK)
        goto done;
    if (!json_is_array(logs)) {
        rc = wt_error(WETEE_ERR_DECODE, "chain: header without digest.logs");
        goto done;
    }
    if ((rc = wetee_scale_put_compact_u64(&b, json_array_size(logs))) != WETEE_OK) goto done;
    for (i = 0; i < json_array_size(logs); i++) {
        wetee_buf l = WETEE_BUF_INIT;
        const char *t = json_string_value(json_array_get(logs, i));
        if (!t) {
            rc = wt_error(WETEE_ERR_DECODE, "chain: header digest log %zu is not a string", i);
            goto done;
        }
        rc = wetee_hex_decode(&l, t, strlen(t));
        if (rc == WETEE_OK) rc = wetee_buf_append(&b, l.data, l.len);
        wetee_buf_free(&l);
        if (rc != WETEE_OK) goto done;
    }
    rc = wetee_hash_blake2b_256(out, b.data, b.len);
done:
    wetee_buf_free(&b);
    return rc;
}
