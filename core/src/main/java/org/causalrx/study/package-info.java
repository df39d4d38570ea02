/** The study protocol (records read from YAML), covariate roles (App. B), validation with messages for people. */
package org.causalrx.study;
