/** Seeds and split-off random streams, errors for people, small numerics. JDK only. */
package org.causalrx.util;
