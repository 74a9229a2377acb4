/*
 * ss58.i - SS58 addresses and the compiled-in network registry of
 * wetee/ss58.h.
 */

%constant unsigned WETEE_SS58_PREFIX_POLKADOT = WETEE_SS58_PREFIX_POLKADOT;
%constant unsigned WETEE_SS58_PREFIX_KUSAMA = WETEE_SS58_PREFIX_KUSAMA;
%constant unsigned WETEE_SS58_PREFIX_GENERIC = WETEE_SS58_PREFIX_GENERIC;
%constant unsigned WETEE_SS58_PREFIX_MAX = WETEE_SS58_PREFIX_MAX;

/* payload of 1, 2, 4, 8, 32 or 33 bytes; prefix 0..16383 but 46, 47 */
wetee_rc wetee_ss58_encode(wetee_buf *text_out, const uint8_t *data, size_t len, uint16_t prefix);

%apply uint16_t *out { uint16_t *prefix };
/* (payload, prefix) */
wetee_rc wetee_ss58_decode(wetee_buf *out, uint16_t *prefix, const char *text, size_t text_len);

/* the network table: count, then (prefix, network, display_name, symbol, decimals) of entry i */
size_t wetee_ss58_network_count(void);
%apply const char **static_text_out { const char **network, const char **display_name, const char **symbol };
%apply unsigned *out { unsigned *decimals };
wetee_rc wetee_ss58_network_at(size_t i, uint16_t *prefix, const char **network, const char **display_name,
                               const char **symbol, unsigned *decimals);
%clear uint16_t *prefix;
%clear const char **network, const char **display_name, const char **symbol;
%clear unsigned *decimals;

/* index of a network by registry name (e.g. "polkadot") or by prefix; WETEE_ERR_NOT_FOUND */
wetee_rc wetee_ss58_network_find(size_t *index_out, const char *network);
wetee_rc wetee_ss58_network_find_prefix(size_t *index_out, uint16_t prefix);
