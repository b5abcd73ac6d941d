/** Placeholder: this module is built by a later issue (see ../shared/DESIGN.md). */
package io.teemate.kv;
