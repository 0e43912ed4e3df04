package io.neuronlab.mllib.train

import io.neuronlab.mllib.data.DataLoader
import io.neuronlab.mllib.init.He
import io.neuronlab.mllib.loss.SoftmaxCrossEntropy
import io.neuronlab.mllib.nn.Linear
import io.neuronlab.mllib.nn.ReLU
import io.neuronlab.mllib.nn.Sequential
import io.neuronlab.mllib.optim.Adam
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.channels.awaitClose
import kotlinx.coroutines.channels.trySendBlocking
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.callbackFlow
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.future.await
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.junit.Assert.assertEquals
import org.junit.Assert.assertSame
import org.junit.Assert.assertTrue
import org.junit.Test
import java.util.Random

/** mllib from Kotlin: await a training future and collect its progress as a Flow. */
class KotlinInteropTest {
    private fun net(seed: Long): Sequential {
        val random = Random(seed)
        return Sequential()
            .add("fc1", Linear(2, 16, He(), random))
            .add("relu", ReLU())
            .add("fc2", Linear(16, 3, He(), random))
    }

    /** Every listener event as a cold Flow that ends with the TrainingResult; [registered] completes once listening. */
    private fun Trainer.progress(registered: CompletableDeferred<Unit>): Flow<Any> = callbackFlow {
        val listener = object : TrainingListener {
            override fun onBatchEnd(event: BatchEvent) {
                trySendBlocking(event)
            }

            override fun onEpochEnd(event: EpochEvent) {
                trySendBlocking(event)
            }

            override fun onTrainingEnd(result: TrainingResult) {
                trySendBlocking(result)
                channel.close()
            }
        }
        addListener(listener)
        registered.complete(Unit)
        awaitClose { removeListener(listener) }
    }

    @Test
    fun awaitsFitAsyncAndCollectsProgressAsAFlow() = runBlocking {
        val model = net(1)
        val trainer = Trainer(model, SoftmaxCrossEntropy(), Adam(model.parameters().values, 0.02f))
            .epochs(3)
            .testSet(Blobs.make(60, 2))
        val registered = CompletableDeferred<Unit>()
        val events = async(Dispatchers.Default) { trainer.progress(registered).toList() }
        registered.await()

        val result = withTimeout(60_000) { trainer.fitAsync(DataLoader(Blobs.make(120, 1), 20).shuffle(3)).await() }
        val collected = withTimeout(10_000) { events.await() }

        assertEquals(StopReason.COMPLETED, result.stopReason())
        val batches = collected.filterIsInstance<BatchEvent>()
        val epochs = collected.filterIsInstance<EpochEvent>()
        assertEquals(3 * 6, batches.size)
        assertEquals((1..3).flatMap { e -> (1..6).map { b -> e to b } }, batches.map { it.epoch() to it.batch() })
        assertEquals(result.history(), epochs)
        assertSame(result, collected.last())
        // each epoch event follows that epoch's six batch events
        assertEquals(listOf(6, 13, 20), collected.indices.filter { collected[it] is EpochEvent })
        assertTrue("blobs are easy: ${result.finalTestAccuracy()}", result.finalTestAccuracy() > 0.9)
    }

    @Test
    fun cancellingTheAwaitingCoroutineStopsTraining() = runBlocking {
        val model = net(2)
        val firstBatch = CompletableDeferred<Unit>()
        val trainer = Trainer(model, SoftmaxCrossEntropy(), Adam(model.parameters().values, 0.01f))
            .epochs(100_000)
            .addListener(object : TrainingListener {
                override fun onBatchEnd(event: BatchEvent) {
                    firstBatch.complete(Unit)
                }
            })
        val future = trainer.fitAsync(DataLoader(Blobs.make(60, 1), 10))
        // UNDISPATCHED: await() is registered before launch returns, so cancelling the job always reaches the
        // future (a dispatched start could be cancelled before its body ever ran)
        val job = launch(Dispatchers.Default, start = CoroutineStart.UNDISPATCHED) { future.await() }
        withTimeout(30_000) { firstBatch.await() }
        job.cancelAndJoin()
        // await() cancels the future it waits for, and that stops the training loop
        withTimeout(30_000) { future.stopped().await() }
        assertTrue(future.isCancelled)
        val after = ModelSnapshot.of(model)
        Thread.sleep(50)
        assertTrue("no more updates after the stop", after.matches(model))
    }
}
