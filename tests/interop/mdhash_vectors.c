/* libwetee side of the RFC-0078 metadata-hash differential test (run.sh,
 * suite "mdhash"; the reference side is mdhash_ref/, the merkleized-metadata
 * crate). Reads lines
 *   <metadata file> <spec_version> <spec_name> <base58_prefix> <decimals> <token_symbol>
 * and prints the metadata hash as 0x<hex>, or "error <detail>", per line.
 * `.hex` files hold the hex of Option<Vec<u8>>; other files raw metadata. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wetee.h"

static unsigned char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    unsigned char *b = malloc(n > 0 ? (size_t)n : 1);
    if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
        free(b);
        b = NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return b;
}

int main(void)
{
    char line[4096], cached_path[4096] = "";
    wetee_metadata *md = NULL;
    while (fgets(line, sizeof line, stdin)) {
        char path[4096], name[1024], symbol[1024];
        unsigned long long spec_version;
        unsigned prefix, decimals;
        if (sscanf(line, "%4095s %llu %1023s %u %u %1023s", path, &spec_version, name, &prefix, &decimals, symbol) !=
            6) {
            printf("error bad line\n");
            continue;
        }
        if (strcmp(path, cached_path) != 0) {
            size_t len = 0;
            unsigned char *b = read_file(path, &len);
            wetee_metadata_free(md);
            md = NULL;
            cached_path[0] = 0;
            if (!b) {
                printf("error cannot read %s\n", path);
                continue;
            }
            size_t pl = strlen(path);
            int rc = pl > 4 && strcmp(path + pl - 4, ".hex") == 0
                         ? wetee_metadata_parse_hex(&md, (const char *)b, len, NULL)
                         : wetee_metadata_parse(&md, b, len, NULL);
            free(b);
            if (rc != WETEE_OK) {
                printf("error %s\n", wetee_last_error());
                continue;
            }
            strcpy(cached_path, path);
        }
        wetee_metadata_hash_info info = WETEE_METADATA_HASH_INFO_INIT;
        info.spec_version = (int64_t)spec_version;
        info.spec_name = name;
        info.base58_prefix = (int32_t)prefix;
        info.decimals = (uint8_t)decimals;
        info.token_symbol = symbol;
        uint8_t h[32];
        if (wetee_metadata_hash(h, md, &info) != WETEE_OK) {
            printf("error %s\n", wetee_last_error());
            continue;
        }
        printf("0x");
        for (int i = 0; i < 32; i++)
            printf("%02x", h[i]);
        printf("\n");
    }
    wetee_metadata_free(md);
    return 0;
}
