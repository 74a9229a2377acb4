/**
 * @file wetee.h
 * @brief Umbrella header: includes every libwetee module.
 */
#ifndef WETEE_H
#define WETEE_H

#include "wetee/version.h"
#include "wetee/export.h"
#include "wetee/core.h"
#include "wetee/hash.h"
#include "wetee/scale.h"
#include "wetee/keys.h"
#include "wetee/mnemonic.h"
#include "wetee/ss58.h"
#include "wetee/metadata.h"
#include "wetee/metadata_hash.h"
#include "wetee/value.h"
#include "wetee/tx.h"
#include "wetee/ton.h"
#include "wetee/toncenter.h"
#include "wetee/attest_snp.h"
#include "wetee/attest_fetch.h"
#include "wetee/rpc.h"
#include "wetee/chain.h"
#include "wetee/telegram.h"
#include "wetee/pay.h"
#include "wetee/attest.h"
#include "wetee/seal.h"
#include "wetee/cloud.h"
#include "wetee/contract.h"

#endif /* WETEE_H */
