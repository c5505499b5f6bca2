package org.fedbridge.validator.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller whose every endpoint is for this member's operator only: a request reaches it
 * only with the operator token ({@code Authorization: Bearer <token>}). The check is made on the
 * handler Spring MVC picked, so no spelling of the path gets around it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OperatorOnly {}
