package kz.senim.membership.mediatorrole;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Listeners that run after commit on their own thread. A failure is not lost (the outbox keeps the
 * publication and resubmits it), so it is logged as a warning, without the event's arguments.
 */
@Configuration
@EnableAsync
class AsyncListeners implements AsyncConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AsyncListeners.class);

    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return (error, method, arguments) -> log.warn(
                "{}.{} did not succeed this time and will be retried: {}",
                method.getDeclaringClass().getSimpleName(),
                method.getName(),
                error.toString());
    }
}
