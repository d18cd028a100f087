/** A zod error map that says `text` for whatever is wrong, so an error reads in the field's own terms. */
export const zodMessage = (text: string) => ({ errorMap: () => ({ message: text }) });
