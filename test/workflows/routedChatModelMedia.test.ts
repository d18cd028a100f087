/**
 * Images and PDFs from a chain or agent through Routed Chat Model, in n8n-core's engine. The
 * test root node (modelCaller.node.ts) sends the content blocks n8n's own nodes send: the AI
 * Agent's binary passthrough (`image_url` with a data URL, and LangChain's older base64 `file`
 * block for a PDF) and the Basic LLM Chain's image URL message.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { chatRequests, mockGatewayFixture, pricedModel } from '../mock-gateway/jestFixture';
import { runWorkflow } from './harness';
import { modelCalls, pinnedModel } from './routedChatModelSupport';
import { credentialsFor, modelCallerWorkflow } from './support';

const TEXT_ONLY = 'text/only';
const VISION = 'vision/model';
const DOCS = 'docs/model';
const VISION_TOOLS = 'vision/tool-user';
// A 1 × 1 PNG.
const PNG_BASE64 =
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const PNG_DATA_URL = `data:image/png;base64,${PNG_BASE64}`;
const PDF_BASE64 = Buffer.from('%PDF-1.4\n%%EOF', 'latin1').toString('base64');

const question = { type: 'text', text: 'What is in it?' };
/** The AI Agent's "Automatically Passthrough Binary Images" block for an image. */
const agentImage = { type: 'image_url', image_url: { url: PNG_DATA_URL } };
/** The AI Agent's passthrough block for a PDF. */
const agentPdf = {
	type: 'file',
	source_type: 'base64',
	mime_type: 'application/pdf',
	data: PDF_BASE64,
	metadata: { filename: 'invoice.pdf' },
};

interface SentPart {
	type: string;
	text?: string;
	image_url?: { url: string };
	file?: { filename: string; file_data: string };
}

/** The chain `model`, then `fallbackModels`, each tried once. */
const chain = (model: string, fallbackModels = '') =>
	pinnedModel(model, { fallbackModels, options: { retries: 0 } });

describe('Routed Chat Model: images and PDFs from a chain or agent', () => {
	const fixture = mockGatewayFixture([
		pricedModel(TEXT_ONLY, { inputModalities: ['text'] }),
		pricedModel(VISION, { inputModalities: ['text', 'image'] }),
		pricedModel(DOCS, { inputModalities: ['text', 'image', 'file'] }),
		pricedModel(VISION_TOOLS, {
			inputModalities: ['text', 'image'],
			toolUse: { name: 'calculator', arguments: '{"input":"17*23"}' },
		}),
	]);

	async function ask(parameters: INodeParameters, content: unknown[], tool = false) {
		return await runWorkflow(modelCallerWorkflow(parameters), {
			credentials: credentialsFor(fixture.gateway),
			inputItems: [{ content, tool } as IDataObject],
		});
	}

	/** The content the gateway got in the last message of each chat request. */
	const sentParts = () =>
		chatRequests(fixture.gateway).map((request) => {
			const { messages } = request.body as { messages: Array<{ content: unknown }> };
			return messages[messages.length - 1].content as SentPart[];
		});

	it("sends the agent's passthrough image to the gateway as an image_url part, after the text", async () => {
		const run = await ask(chain(VISION), [question, agentImage]);

		expect(run.error).toBeUndefined();
		expect(sentParts()).toEqual([
			[
				{ type: 'text', text: 'What is in it?' },
				{ type: 'image_url', image_url: { url: PNG_DATA_URL } },
			],
		]);
	});

	it('skips a text-only model for modality, and a vision model serves the image', async () => {
		const run = await ask(chain(TEXT_ONLY, VISION), [question, agentImage]);

		expect(run.error).toBeUndefined();
		expect(modelCalls(run)[0].routedChat).toMatchObject({
			model: VISION,
			attempts: [
				{ model: TEXT_ONLY, outcome: 'skipped', skipped: 'modality' },
				{ model: VISION, outcome: 'success' },
			],
		});
		expect(chatRequests(fixture.gateway).map((request) => request.body)).toEqual([
			expect.objectContaining({ model: VISION }),
		]);
	});

	it("sends the agent's passthrough PDF as a file part with its name, routed past an image-only model", async () => {
		const run = await ask(chain(VISION, DOCS), [question, agentPdf]);

		expect(run.error).toBeUndefined();
		expect(modelCalls(run)[0].routedChat).toMatchObject({
			model: DOCS,
			attempts: [{ model: VISION, skipped: 'modality' }, { model: DOCS }],
		});
		expect(sentParts()).toEqual([
			[
				{ type: 'text', text: 'What is in it?' },
				{
					type: 'file',
					file: { filename: 'invoice.pdf', file_data: `data:application/pdf;base64,${PDF_BASE64}` },
				},
			],
		]);
	});

	it('keeps the image in every call of an agent that binds tools', async () => {
		const run = await ask(chain(VISION_TOOLS), [question, agentImage], true);

		expect(run.error).toBeUndefined();
		const firstMessages = chatRequests(fixture.gateway).map((request) => {
			const { messages } = request.body as { messages: Array<{ content: unknown }> };
			return messages[0].content as SentPart[];
		});
		expect(firstMessages).toHaveLength(2);
		for (const parts of firstMessages)
			expect(parts[1]).toEqual({ type: 'image_url', image_url: { url: PNG_DATA_URL } });
	});

	it("keeps a chain's image URL as the URL", async () => {
		const url = 'https://example.com/cat.png';
		const run = await ask(chain(VISION), [question, { type: 'image_url', image_url: { url } }]);

		expect(run.error).toBeUndefined();
		expect(sentParts()[0][1]).toEqual({ type: 'image_url', image_url: { url } });
	});

	it('fails before any call when no model of the chain takes the input', async () => {
		const run = await ask(chain(TEXT_ONLY, VISION), [question, agentPdf]);

		expect(run.status).toBe('error');
		expect(JSON.stringify(run.error)).toContain('No model in the chain accepts file input');
		expect(chatRequests(fixture.gateway)).toEqual([]);
	});

	it('refuses more than 24 MB of images and files in one call, before any request, as Routed Chat does', async () => {
		const data = Buffer.alloc(13 * 1024 * 1024).toString('base64');
		const pdf = (filename: string) => ({ ...agentPdf, data, metadata: { filename } });
		const run = await ask(chain(DOCS), [question, pdf('a.pdf'), pdf('b.pdf')]);

		expect(run.status).toBe('error');
		expect(JSON.stringify(run.error)).toContain(
			"The images and files of the call come to 26 MB; one item's may be at most 24 MB together",
		);
		expect(chatRequests(fixture.gateway)).toEqual([]);
	});

	it('a part it cannot send (audio) is an error naming the part and the type, not a silent drop', async () => {
		const audio = { type: 'audio', mimeType: 'audio/mpeg', data: 'SUQzBAAAAAAA' };
		const run = await ask(chain(DOCS), [question, audio]);

		expect(run.status).toBe('error');
		expect(JSON.stringify(run.error)).toContain(
			'Message 1, part 2 is audio/mpeg; Routed Chat Model sends only image/png, image/jpeg, image/webp, image/gif and application/pdf',
		);
		expect(chatRequests(fixture.gateway)).toEqual([]);
	});
});
