package com.chosen.api.kernel.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/**
 * Tells which part of the request a constraint violation is about, and its name as the client
 * wrote it: the JSON body (a resource method parameter without a JAX-RS annotation) answers 422
 * with snake_case field names; the request line (query, path, header parameters) answers 400.
 */
final class RequestParts {

    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private RequestParts() {
    }

    static boolean isBody(ConstraintViolation<?> violation) {
        Annotation[] annotations = parameterAnnotations(violation);
        for (Annotation annotation : annotations) {
            Class<? extends Annotation> type = annotation.annotationType();
            if (type == QueryParam.class || type == PathParam.class || type == HeaderParam.class
                    || type == FormParam.class || type == CookieParam.class || type == MatrixParam.class
                    || type == BeanParam.class || type == Context.class) {
                return false;
            }
        }
        return true;
    }

    /** A rule broken inside the body (not the body missing altogether). */
    static boolean isBodyField(ConstraintViolation<?> violation) {
        return isBody(violation) && hasKind(violation.getPropertyPath(), ElementKind.PROPERTY);
    }

    static boolean hasKind(Path path, ElementKind kind) {
        for (Path.Node node : path) {
            if (node.getKind() == kind) {
                return true;
            }
        }
        return false;
    }

    /** The JSON path of a body field, e.g. {@code duration_minutes} or {@code roles[1]}. */
    static String bodyField(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY) {
                names.add(SNAKE_CASE.translate(node.getName()));
            } else if (node.getKind() == ElementKind.CONTAINER_ELEMENT && node.getIndex() != null && !names.isEmpty()) {
                names.set(names.size() - 1, names.get(names.size() - 1) + "[" + node.getIndex() + "]");
            }
        }
        return String.join(".", names);
    }

    /** The name a query, path or header parameter has in the request, e.g. {@code user_id}. */
    static String parameterName(ConstraintViolation<?> violation) {
        String property = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY) {
                property = node.getName();
            }
        }
        if (property != null) {
            // a field of a @BeanParam class
            return requestName(fieldAnnotations(violation.getLeafBean().getClass(), property), property);
        }
        Path.ParameterNode parameter = parameterNode(violation);
        return requestName(parameterAnnotations(violation), parameter == null ? "parameter" : parameter.getName());
    }

    private static String requestName(Annotation[] annotations, String javaName) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return SNAKE_CASE.translate(javaName);
    }

    private static Annotation[] fieldAnnotations(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                return field.getAnnotations();
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return new Annotation[0];
    }

    private static Path.ParameterNode parameterNode(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                return node.as(Path.ParameterNode.class);
            }
        }
        return null;
    }

    private static Annotation[] parameterAnnotations(ConstraintViolation<?> violation) {
        Path.ParameterNode parameter = parameterNode(violation);
        String methodName = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                methodName = node.getName();
            }
        }
        Object[] arguments = violation.getExecutableParameters();
        if (parameter == null || methodName == null || arguments == null) {
            return new Annotation[0];
        }
        // the top-most declaration: CDI subclasses (interceptors) override without the annotations
        Method declared = null;
        for (Class<?> c = violation.getRootBeanClass(); c != null; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.getName().equals(methodName) && method.getParameterCount() == arguments.length) {
                    declared = method;
                }
            }
        }
        if (declared != null) {
            return declared.getParameterAnnotations()[parameter.getParameterIndex()];
        }
        return new Annotation[0];
    }
}
