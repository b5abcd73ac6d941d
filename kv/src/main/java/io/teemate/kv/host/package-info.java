/** Host side of the database: the RESP2 protocol (and later the server and snapshot files). Sees no plaintext data at rest. */
package io.teemate.kv.host;
