package kz.senim.platform.events;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;
import org.springframework.scheduling.annotation.AsyncAnnotationAdvisor;

/**
 * Sends the outbox's publications to Kafka in the order their transactions handed them over.
 *
 * <p>Spring Modulith 2.0.3 externalizes every publication in an {@code @Async} listener after commit
 * ({@code @ApplicationModuleListener} on the externalizer), on the application's default task
 * executor; with virtual threads that is a new thread per publication, so two publications committed
 * a few milliseconds apart raced for Kafka and could arrive swapped, even with
 * {@code serializeExternalization(true)} (which only keeps one send in flight). The annotation has no
 * executor attribute, and replacing the default executor would serialize every other {@code @Async}
 * listener of the service too. So this replaces the {@code @Async} advice of the externalizer bean
 * only, with one that runs on {@link CommitOrder}'s single thread in the order the transactions
 * committed. HTTP requests still never wait for Kafka.
 *
 * <p>Spring's own {@code @Async} advice waits on its thread for the future a method returns; the outbox
 * thread must not, because {@link OutboxProducer} completes a publication's future only when the Kafka
 * transaction it joined commits, after more publications have joined it. So the replacement advice runs
 * the method on {@link CommitOrder}'s thread and hands the caller a future that completes with the
 * method's own, without waiting for it.
 */
class ExternalizationInCommitOrder implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(ExternalizationInCommitOrder.class);

    // Not an Executor bean: that would become the default executor of every @Async method.
    private final ObjectProvider<CommitOrder> commitOrder;

    ExternalizationInCommitOrder(ObjectProvider<CommitOrder> commitOrder) {
        this.commitOrder = commitOrder;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof Advised advised)
                || !DelegatingEventExternalizer.class.isAssignableFrom(AopUtils.getTargetClass(bean))) {
            return bean;
        }
        Advisor[] advisors = advised.getAdvisors();
        for (int i = 0; i < advisors.length; i++) {
            if (advisors[i] instanceof AsyncAnnotationAdvisor async) {
                advised.removeAdvisor(i);
                advised.addAdvisor(i, new DefaultPointcutAdvisor(async.getPointcut(), new HandOver(commitOrder)));
                log.debug("Externalization of {} runs on one thread, in hand-over order", beanName);
                return bean;
            }
        }
        log.warn("The event externalizer {} is not asynchronous as expected; its order is left as it is", beanName);
        return bean;
    }

    /** Runs the advised method on the outbox's thread; its future completes when the method's future does. */
    private record HandOver(ObjectProvider<CommitOrder> commitOrder) implements MethodInterceptor {

        @Override
        public Object invoke(MethodInvocation invocation) {
            CompletableFuture<Object> outcome = new CompletableFuture<>();
            commitOrder.getObject().executor().execute(() -> {
                try {
                    Object result = invocation.proceed();
                    if (result instanceof CompletionStage<?> stage) {
                        stage.whenComplete((value, failure) -> {
                            if (failure == null) {
                                outcome.complete(value);
                            } else {
                                outcome.completeExceptionally(failure);
                            }
                        });
                    } else {
                        outcome.complete(result);
                    }
                } catch (Throwable failure) {
                    outcome.completeExceptionally(failure);
                }
            });
            return invocation.getMethod().getReturnType().isAssignableFrom(CompletableFuture.class) ? outcome : null;
        }
    }
}
