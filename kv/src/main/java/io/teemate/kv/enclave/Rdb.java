package io.teemate.kv.enclave;

/**
 * Constants of the Redis RDB file format (redis/src/rdb.h of Redis 7.0, RDB version 10), shared by
 * {@link RdbWriter} and {@link RdbReader}.
 */
final class Rdb {
    private Rdb() {}

    static final byte[] MAGIC = {'R', 'E', 'D', 'I', 'S'};
    /** The version Redis 7.0 writes ("REDIS0010"). */
    static final int VERSION = 10;
    /** Versions from this one on end with a CRC-64 after EOF (rdb.c: {@code if (rdbver >= 5)}). */
    static final int FIRST_VERSION_WITH_CHECKSUM = 5;

    // Value types (rdb.h RDB_TYPE_*): the ones TeeMate reads (it writes 0 to 5 and 17).
    static final int TYPE_STRING = 0;
    static final int TYPE_LIST = 1;
    static final int TYPE_SET = 2;
    static final int TYPE_HASH = 4;
    static final int TYPE_ZSET = 3;
    static final int TYPE_ZSET_2 = 5;
    static final int TYPE_HASH_ZIPMAP = 9;
    static final int TYPE_LIST_ZIPLIST = 10;
    static final int TYPE_SET_INTSET = 11;
    static final int TYPE_ZSET_ZIPLIST = 12;
    static final int TYPE_HASH_ZIPLIST = 13;
    static final int TYPE_LIST_QUICKLIST = 14;
    static final int TYPE_HASH_LISTPACK = 16;
    static final int TYPE_ZSET_LISTPACK = 17;
    static final int TYPE_LIST_QUICKLIST_2 = 18;

    // Opcodes (rdb.h RDB_OPCODE_*).
    static final int OPCODE_FUNCTION2 = 245;
    static final int OPCODE_FUNCTION_PRE_GA = 246;
    static final int OPCODE_MODULE_AUX = 247;
    static final int OPCODE_IDLE = 248;
    static final int OPCODE_FREQ = 249;
    static final int OPCODE_AUX = 250;
    static final int OPCODE_RESIZEDB = 251;
    static final int OPCODE_EXPIRETIME_MS = 252;
    static final int OPCODE_EXPIRETIME = 253;
    static final int OPCODE_SELECTDB = 254;
    static final int OPCODE_EOF = 255;

    // Length encodings (rdb.h RDB_6BITLEN ... RDB_ENCVAL): the top two bits of the first byte.
    static final int LEN_6BIT = 0;
    static final int LEN_14BIT = 1;
    static final int LEN_32BIT = 0x80;
    static final int LEN_64BIT = 0x81;
    static final int ENCVAL = 3;
    // Special string encodings after ENCVAL (rdb.h RDB_ENC_*).
    static final int ENC_INT8 = 0;
    static final int ENC_INT16 = 1;
    static final int ENC_INT32 = 2;
    static final int ENC_LZF = 3;

    /** The rdb.h name of value type {@code t}, for messages. */
    static String typeName(int t) {
        return switch (t) {
            case 0 -> "RDB_TYPE_STRING";
            case 1 -> "RDB_TYPE_LIST";
            case 2 -> "RDB_TYPE_SET";
            case 3 -> "RDB_TYPE_ZSET";
            case 4 -> "RDB_TYPE_HASH";
            case 5 -> "RDB_TYPE_ZSET_2";
            case 6 -> "RDB_TYPE_MODULE_PRE_GA";
            case 7 -> "RDB_TYPE_MODULE_2";
            case 9 -> "RDB_TYPE_HASH_ZIPMAP";
            case 10 -> "RDB_TYPE_LIST_ZIPLIST";
            case 11 -> "RDB_TYPE_SET_INTSET";
            case 12 -> "RDB_TYPE_ZSET_ZIPLIST";
            case 13 -> "RDB_TYPE_HASH_ZIPLIST";
            case 14 -> "RDB_TYPE_LIST_QUICKLIST";
            case 15 -> "RDB_TYPE_STREAM_LISTPACKS";
            case 16 -> "RDB_TYPE_HASH_LISTPACK";
            case 17 -> "RDB_TYPE_ZSET_LISTPACK";
            case 18 -> "RDB_TYPE_LIST_QUICKLIST_2";
            case 19 -> "RDB_TYPE_STREAM_LISTPACKS_2";
            case 20 -> "RDB_TYPE_SET_LISTPACK";
            case 21 -> "RDB_TYPE_STREAM_LISTPACKS_3";
            case 244 -> "RDB_OPCODE_SLOT_INFO";
            case OPCODE_FUNCTION2 -> "RDB_OPCODE_FUNCTION2";
            case OPCODE_FUNCTION_PRE_GA -> "RDB_OPCODE_FUNCTION_PRE_GA";
            case OPCODE_MODULE_AUX -> "RDB_OPCODE_MODULE_AUX";
            default -> "unknown";
        };
    }
}
