/** A parameter value that cannot be used, with what to do about it. */
export class ParameterError extends Error {
	constructor(
		/** The parameter's path as the user sees it, e.g. `options.temperature`. */
		readonly parameter: string,
		message: string,
		readonly hint?: string,
	) {
		super(message);
		this.name = 'ParameterError';
	}
}
