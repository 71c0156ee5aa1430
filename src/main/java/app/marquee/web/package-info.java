/** The server-rendered HTML interface (Thymeleaf and htmx). It holds no feature logic of its own. */
@NullMarked
package app.marquee.web;

import org.jspecify.annotations.NullMarked;
