/* Cloud module (cloud.h), offline: deployment files and their validation,
 * deploy calls built against WeTEE's spec-110 metadata (App 112) and
 * checked byte by byte against an independent SCALE encoding written here
 * field by field, estimates. The devnode end to end (the 2024 testnet
 * runtime) is tests/wetee/run.sh. */
#include <stdlib.h>
#include <string.h>

#include "wt_test.h"

static wetee_metadata *load_spec110(void)
{
    size_t len;
    uint8_t *j = wt_read_vector("wetee/wetee-dev-spec110-metadata.json", &len);
    wetee_metadata *md = NULL;
    if (j == NULL) return NULL;
    if (wetee_metadata_parse_rpc_response(&md, (const char *)j, len, NULL) != WETEE_OK) md = NULL;
    free(j);
    return md;
}

static wetee_cloud_deployment *parse(const char *json)
{
    wetee_cloud_deployment *d = NULL;
    CHECK_OK(wetee_cloud_deployment_parse(&d, json, strlen(json)));
    return d;
}

static void bad(const char *json, const char *detail)
{
    wetee_cloud_deployment *d = (wetee_cloud_deployment *)1;
    CHECK_ERR(wetee_cloud_deployment_parse(&d, json, strlen(json)), WETEE_ERR_DECODE);
    CHECK(d == NULL);
    CHECK_DETAIL(detail);
}

#define MIN "\"name\":\"a\",\"image\":\"nginx\",\"cpu\":1000,\"memory\":1024"

WT_TEST(test_examples_parse)
{
    static const char *const files[] = {"examples/cloud/hello.json", "examples/cloud/task.json",
                                        "examples/cloud/gpu.json"};
    static const int kinds[] = {WETEE_CLOUD_APP, WETEE_CLOUD_TASK, WETEE_CLOUD_GPU};
    size_t i;
    for (i = 0; i < 3; i++) {
        size_t len;
        uint8_t *text = wt_read_source_file(files[i], &len);
        wetee_cloud_deployment *d = NULL, *d2 = NULL;
        wetee_buf j = WETEE_BUF_INIT, j2 = WETEE_BUF_INIT;
        CHECK(text != NULL);
        if (!text) continue;
        CHECK_OK(wetee_cloud_deployment_parse(&d, (const char *)text, len));
        CHECK(wetee_cloud_deployment_kind(d) == kinds[i]);
        /* the normalised form parses to the same normalised form */
        CHECK_OK(wetee_cloud_deployment_json(&j, d));
        CHECK_OK(wetee_cloud_deployment_parse(&d2, (const char *)j.data, j.len));
        CHECK_OK(wetee_cloud_deployment_json(&j2, d2));
        CHECK(j.len == j2.len && memcmp(j.data, j2.data, j.len) == 0);
        wetee_buf_free(&j);
        wetee_buf_free(&j2);
        wetee_cloud_deployment_free(d);
        wetee_cloud_deployment_free(d2);
        free(text);
    }
}

WT_TEST(test_defaults)
{
    wetee_cloud_deployment *d = parse("{" MIN "}");
    wetee_buf j = WETEE_BUF_INIT;
    CHECK_OK(wetee_cloud_deployment_json(&j, d));
    CHECK_STR((const char *)j.data,
              "{\"version\":1,\"kind\":\"app\",\"name\":\"a\",\"image\":\"nginx\",\"command\":null,\"ports\":[],"
              "\"cpu\":1000,\"memory\":1024,\"disks\":[],\"gpu\":0,\"env\":{},\"files\":{},\"secrets\":{},"
              "\"tee\":\"sgx\",\"region\":0,\"level\":1,\"payment\":{\"asset\":0,\"duration\":null},\"sidecars\":[],"
              "\"meta\":\"\"}");
    wetee_buf_free(&j);
    wetee_cloud_deployment_free(d);
    /* a bare command is run by sh; a bare port is TCP */
    d = parse("{" MIN ",\"command\":\"echo hi\",\"ports\":[8080]}");
    CHECK_OK(wetee_cloud_deployment_json(&j, d));
    CHECK(strstr((const char *)j.data, "\"command\":{\"shell\":\"sh\",\"run\":\"echo hi\"}") != NULL);
    CHECK(strstr((const char *)j.data, "\"ports\":[{\"port\":8080,\"protocol\":\"tcp\"}]") != NULL);
    wetee_buf_free(&j);
    wetee_cloud_deployment_free(d);
}

WT_TEST(test_validation_names_field)
{
    bad("{" MIN ",\"ports\":[{\"port\":80,\"protocol\":\"ftp\"}]}",
        "ports[0].protocol: \"ftp\" is not one of tcp, udp, http, https, project-tcp, project-udp");
    bad("{" MIN ",\"ports\":[{\"port\":70000}]}", "ports[0].port: 70000 is out of range: allowed 1 to 65535");
    bad("{" MIN ",\"tee\":\"tdx\"}", "tee: \"tdx\" is not one of sgx, cvm");
    bad("{" MIN ",\"kind\":\"vm\"}", "kind: \"vm\" is not one of app, task, gpu");
    bad("{" MIN ",\"level\":256}", "level: 256 is out of range: allowed 0 to 255");
    bad("{\"name\":\"a\",\"image\":\"nginx\",\"memory\":1}", "cpu: missing");
    bad("{\"name\":\"a\",\"cpu\":1,\"memory\":1}", "image: missing");
    bad("{\"image\":\"x\",\"cpu\":1,\"memory\":1}", "name: missing");
    bad("{" MIN ",\"cpu\":0}", "duplicate object key"); /* JSON_REJECT_DUPLICATES */
    bad("{\"name\":\"a\",\"image\":\"nginx\",\"cpu\":0,\"memory\":1}", "cpu: 0 is out of range: allowed 1 to 4294967295");
    bad("{" MIN ",\"colour\":1}", "unknown field \"colour\"; allowed: version, kind, name");
    bad("{" MIN ",\"disks\":[{\"path\":\"data\",\"size\":1}]}", "disks[0].path: must be an absolute path");
    bad("{" MIN ",\"disks\":[{\"path\":\"/d\",\"size\":0}]}", "disks[0].size: 0 is out of range");
    bad("{" MIN ",\"env\":{\"1X\":\"v\"}}", "env.1X: not a variable name");
    bad("{" MIN ",\"env\":{\"X\":1}}", "env.X: expected a string");
    bad("{" MIN ",\"files\":{\"etc/x\":\"v\"}}", "files.etc/x: a file path must be absolute");
    bad("{" MIN ",\"gpu\":1}", "gpu: only kind \"gpu\" takes GPUs (kind is app)");
    bad("{" MIN ",\"kind\":\"gpu\"}", "gpu: kind \"gpu\" needs at least 1 GPU");
    bad("{" MIN ",\"kind\":\"task\",\"sidecars\":[{\"image\":\"x\",\"cpu\":1,\"memory\":1}]}",
        "sidecars: kind \"task\" takes no side containers");
    bad("{" MIN ",\"sidecars\":[{\"image\":\"x\",\"cpu\":1}]}", "sidecars[0].memory: missing");
    bad("{" MIN ",\"sidecars\":[{\"image\":\"x\",\"cpu\":1,\"memory\":1,\"env\":{}}]}",
        "sidecars[0]: unknown field \"env\"");
    bad("{" MIN ",\"command\":{\"shell\":\"fish\",\"run\":\"x\"}}", "command.shell: \"fish\" is not one of none, sh, bash, zsh");
    bad("{" MIN ",\"command\":{\"shell\":\"sh\"}}", "command.run: missing");
    bad("{" MIN ",\"image\":\"a b\"}", "duplicate object key");
    bad("{\"name\":\"a\",\"image\":\"a b\",\"cpu\":1,\"memory\":1}", "image: must not contain white space");
    bad("{" MIN ",\"payment\":{\"duration\":0}}", "payment.duration: 0 is out of range");
    bad("{" MIN ",\"payment\":{\"coin\":\"x\"}}", "payment: unknown field \"coin\"");
    bad("{" MIN ",\"secrets\":{\"K\":\"\"}}", "secrets: K: an empty reference");
    bad("{" MIN ",\"env\":{\"K\":\"v\"},\"secrets\":{\"K\":\"vault:k\"}}", "K is also in env");
    bad("[1]", "(top level): expected a JSON object");
    bad("{\"name\":", "line 1");
    bad("{" MIN ",\"version\":2}", "version: 2 is out of range: allowed 1 to 1");
    {
        wetee_cloud_deployment *d;
        CHECK_ERR(wetee_cloud_deployment_load(&d, "/nonexistent/deploy.json"), WETEE_ERR_IO);
        CHECK_DETAIL("/nonexistent/deploy.json");
        CHECK_ERR(wetee_cloud_deployment_parse(NULL, "{}", 2), WETEE_ERR_INVALID_ARGUMENT);
        CHECK_ERR(wetee_cloud_deployment_parse(&d, NULL, 2), WETEE_ERR_INVALID_ARGUMENT);
    }
}

/* SCALE of a byte string (compact length < 64). */
static size_t put_bytes(uint8_t *o, const char *s)
{
    size_t n = strlen(s);
    o[0] = (uint8_t)(n << 2);
    memcpy(o + 1, s, n);
    return n + 1;
}
static size_t put_u32(uint8_t *o, uint32_t v)
{
    o[0] = (uint8_t)v, o[1] = (uint8_t)(v >> 8), o[2] = (uint8_t)(v >> 16), o[3] = (uint8_t)(v >> 24);
    return 4;
}

WT_TEST(test_spec110_app_create)
{
    wetee_metadata *md = load_spec110();
    wetee_cloud_deployment *d;
    wetee_buf call = WETEE_BUF_INIT, j = WETEE_BUF_INIT, dec = WETEE_BUF_INIT;
    uint8_t want[256];
    size_t n = 0;
    if (!md) WT_SKIP("vectors/wetee/wetee-dev-spec110-metadata.json absent");
    CHECK_STR(wetee_cloud_pallet(md, WETEE_CLOUD_APP), "App");
    CHECK_STR(wetee_cloud_pallet(md, WETEE_CLOUD_TASK), "Task");
    CHECK_STR(wetee_cloud_pallet(md, WETEE_CLOUD_GPU), "Gpu");
    CHECK_STR(wetee_cloud_pallet(md, WETEE_CLOUD_WORKER), "Worker");
    d = parse("{\"name\":\"ap\",\"image\":\"nginx\",\"command\":{\"shell\":\"bash\",\"run\":\"ls\"},"
              "\"ports\":[{\"port\":80,\"protocol\":\"tcp\"},{\"port\":443,\"protocol\":\"udp\"}],\"cpu\":1000,"
              "\"memory\":1024,\"disks\":[{\"path\":\"/d\",\"size\":7}],\"env\":{\"K\":\"v\"},\"files\":{\"/f\":\"c\"},"
              "\"tee\":\"cvm\",\"level\":2,\"meta\":\"m\"}");
    CHECK_OK(wetee_cloud_deploy_call(&call, md, d));
    /* the expected encoding, written field by field from wetee.md section 4 */
    want[n++] = 112, want[n++] = 1;                    /* App.create */
    n += put_bytes(want + n, "ap");                    /* name */
    want[n++] = 0;                                     /* template_id: None */
    n += put_bytes(want + n, "nginx");                 /* image */
    want[n++] = 0;                                     /* signer: empty */
    want[n++] = 0;                                     /* signature: empty */
    n += put_bytes(want + n, "m");                     /* meta */
    want[n++] = 2 << 2;                                /* port: 2 services */
    want[n++] = 0, want[n++] = 80, want[n++] = 0;      /* Tcp(80) */
    want[n++] = 1, want[n++] = 0xbb, want[n++] = 0x01; /* Udp(443) */
    want[n++] = 1;                                     /* command: BASH */
    n += put_bytes(want + n, "ls");
    want[n++] = 2 << 2;                                /* env: 2 EnvInput */
    want[n++] = 0, want[n++] = 0, want[n++] = 0;       /* INSERT, index 0 */
    want[n++] = 0;                                     /* EnvKey::Env */
    n += put_bytes(want + n, "K");
    n += put_bytes(want + n, "v");
    want[n++] = 0, want[n++] = 1, want[n++] = 0;       /* INSERT, index 1 */
    want[n++] = 1;                                     /* EnvKey::File */
    n += put_bytes(want + n, "/f");
    n += put_bytes(want + n, "c");
    want[n++] = 0;                                     /* secret_env: None */
    n += put_u32(want + n, 1000);                      /* cpu */
    n += put_u32(want + n, 1024);                      /* memory */
    want[n++] = 1 << 2;                                /* disk: 1 */
    want[n++] = 0;                                     /* DiskClass::SSD */
    n += put_bytes(want + n, "/d");
    n += put_u32(want + n, 7);
    want[n++] = 0;                                     /* side_container: none */
    want[n++] = 2;                                     /* level */
    want[n++] = 1;                                     /* TEEVersion::CVM */
    CHECK(call.len == n);
    CHECK(call.len == n && memcmp(call.data, want, n) == 0);
    /* the JSON form names the call and encodes to the same bytes */
    CHECK_OK(wetee_cloud_deploy_call_json(&j, md, d));
    CHECK(strncmp((const char *)j.data, "{\"pallet\":\"App\",\"call\":\"create\",\"args\":{\"name\":\"0x6170\"", 54) == 0);
    CHECK_OK(wetee_call_decode_json(&dec, md, call.data, call.len, NULL));
    CHECK(strstr((const char *)dec.data, "\"tee_version\":\"CVM\"") != NULL);
    wetee_buf_free(&call);
    wetee_buf_free(&j);
    wetee_buf_free(&dec);
    wetee_cloud_deployment_free(d);
    wetee_metadata_free(md);
}

WT_TEST(test_spec110_kinds_and_refusals)
{
    wetee_metadata *md = load_spec110();
    wetee_cloud_deployment *d;
    wetee_buf call = WETEE_BUF_INIT, dec = WETEE_BUF_INIT;
    size_t len;
    uint8_t *text;
    if (!md) WT_SKIP("vectors/wetee/wetee-dev-spec110-metadata.json absent");
    /* the example files build and decode back (side container, task, gpu) */
    text = wt_read_source_file("examples/cloud/hello.json", &len);
    CHECK_OK(wetee_cloud_deployment_parse(&d, (const char *)text, len));
    free(text);
    CHECK_OK(wetee_cloud_deploy_call(&call, md, d));
    CHECK_OK(wetee_call_decode_json(&dec, md, call.data, call.len, NULL));
    CHECK(strstr((const char *)dec.data, "\"side_container\":[{\"image\":\"0x72656469733a37\"") != NULL);
    CHECK(strstr((const char *)dec.data, "\"cr\":{\"cpu\":250,\"mem\":256,\"disk\":[{\"path\":{\"SSD\":\"0x2f7265646973\"},\"size\":2}],\"gpu\":0}") != NULL);
    wetee_cloud_deployment_free(d);
    text = wt_read_source_file("examples/cloud/task.json", &len);
    CHECK_OK(wetee_cloud_deployment_parse(&d, (const char *)text, len));
    free(text);
    CHECK_OK(wetee_cloud_deploy_call(&call, md, d));
    CHECK(call.len > 2 && call.data[0] == 113 && call.data[1] == 1);
    wetee_cloud_deployment_free(d);
    text = wt_read_source_file("examples/cloud/gpu.json", &len);
    CHECK_OK(wetee_cloud_deployment_parse(&d, (const char *)text, len));
    free(text);
    CHECK_OK(wetee_cloud_deploy_call(&call, md, d));
    CHECK(call.len > 2 && call.data[0] == 114 && call.data[1] == 1);
    CHECK_OK(wetee_call_decode_json(&dec, md, call.data, call.len, NULL));
    CHECK(strstr((const char *)dec.data, "\"gpu\":1,") != NULL);
    CHECK(strstr((const char *)dec.data, "{\"Http\":8000}") != NULL);
    wetee_cloud_deployment_free(d);
    /* secrets are refused until they can be sealed to an attested key */
    d = parse("{" MIN ",\"secrets\":{\"DB\":\"vault:db\"}}");
    CHECK_ERR(wetee_cloud_deploy_call(&call, md, d), WETEE_ERR_UNSUPPORTED);
    CHECK_DETAIL("secrets (DB...)");
    wetee_cloud_deployment_free(d);
    /* the API checks its arguments */
    CHECK_ERR(wetee_cloud_deploy_call(NULL, md, d), WETEE_ERR_INVALID_ARGUMENT);
    CHECK(wetee_cloud_pallet(md, 9) == NULL);
    wetee_buf_free(&call);
    wetee_buf_free(&dec);
    wetee_metadata_free(md);
}

WT_TEST(test_estimate)
{
    wetee_cloud_deployment *d;
    wetee_u128 c;
    size_t len;
    uint8_t *text = wt_read_source_file("examples/cloud/hello.json", &len);
    CHECK_OK(wetee_cloud_deployment_parse(&d, (const char *)text, len));
    free(text);
    /* (1000 + 250) cpu * 100 + (1024 + 256) mem * 7 + (10 + 2) disk * 3 */
    CHECK_OK(wetee_cloud_estimate_at(&c, d, "{\"cpu_per\":100,\"memory_per\":7,\"disk_per\":3}"));
    CHECK(c.hi == 0 && c.lo == 1250u * 100 + 1280u * 7 + 12u * 3);
    /* the task pallet's field names, camelCase and decimal strings too */
    CHECK_OK(wetee_cloud_estimate_at(&c, d, "{\"cpuPerBlock\":\"1\",\"memoryPerBlock\":0,\"diskPerBlock\":0}"));
    CHECK(c.lo == 1250);
    CHECK_ERR(wetee_cloud_estimate_at(&c, d, "{\"cpu_per\":1,\"disk_per\":1}"), WETEE_ERR_DECODE);
    CHECK_DETAIL("no field starting with \"mem\"");
    CHECK_ERR(wetee_cloud_estimate_at(&c, d, "{\"cpu_per\":-1,\"memory_per\":1,\"disk_per\":1}"), WETEE_ERR_DECODE);
    CHECK_ERR(wetee_cloud_estimate_at(&c, d, "not json"), WETEE_ERR_DECODE);
    /* the runtimes compute the cost in u32: a wrapped amount is refused */
    CHECK_ERR(wetee_cloud_estimate_at(&c, d, "{\"cpu_per\":4000000,\"memory_per\":1,\"disk_per\":1}"), WETEE_ERR_OVERFLOW);
    CHECK_DETAIL("u32");
    CHECK_OK(wetee_cloud_estimate_at(&c, d, "{\"cpu_per\":3000000,\"memory_per\":0,\"disk_per\":0}"));
    CHECK(c.lo == 3750000000u);
    wetee_cloud_deployment_free(d);
}

WT_TEST(test_names)
{
    CHECK_STR(wetee_cloud_status_name(0), "created");
    CHECK_STR(wetee_cloud_status_name(3), "running");
    CHECK_STR(wetee_cloud_status_name(9), "unknown");
    CHECK_STR(wetee_cloud_kind_name(WETEE_CLOUD_GPU), "gpu");
    CHECK_STR(wetee_cloud_kind_name(WETEE_CLOUD_WORKER), "worker");
    CHECK_STR(wetee_cloud_kind_name(-1), "unknown");
    CHECK_ERR(wetee_cloud_open(NULL, NULL), WETEE_ERR_INVALID_ARGUMENT);
    wetee_cloud_free(NULL);
    wetee_cloud_deployment_free(NULL);
}

WT_MAIN("cloud", WT_CASE(test_examples_parse), WT_CASE(test_defaults), WT_CASE(test_validation_names_field),
        WT_CASE(test_spec110_app_create), WT_CASE(test_spec110_kinds_and_refusals), WT_CASE(test_estimate),
        WT_CASE(test_names))
