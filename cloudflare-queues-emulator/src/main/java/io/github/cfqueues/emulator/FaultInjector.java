package io.github.cfqueues.emulator;

/**
 * Decides which {@link Fault}, if any, the emulator applies to a push or batch request. Called once per such
 * request, after authentication, id validation and the rate limit, possibly from many threads at once.
 *
 * @see Faults
 */
@FunctionalInterface
public interface FaultInjector {

	/**
	 * Decides the fault for one request.
	 * @param request the request
	 * @return the fault to apply, {@link Fault#none()} for none
	 */
	Fault decide(FaultRequest request);

	/**
	 * Returns an injector that never injects a fault.
	 * @return the injector
	 */
	static FaultInjector none() {
		return (request) -> Fault.none();
	}

}
