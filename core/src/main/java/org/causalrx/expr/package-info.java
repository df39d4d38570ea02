/** Safe arithmetic expressions over data columns (derived outcomes): a small parser, no script engine. */
package org.causalrx.expr;
