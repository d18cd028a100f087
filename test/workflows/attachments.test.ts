import {
	chatContentItemsFromJSON,
	chatContentItemsToJSON,
} from '@openrouter/sdk/esm/models/chatcontentitems.js';
import type { IBinaryData, IBinaryKeyData } from 'n8n-workflow';

import { runWorkflow } from './harness';
import { chatWorkflow, credentialsFor, outputJson, pinned, ROUTED_CHAT } from './support';
import { chatRequests, mockGatewayFixture, pricedModel } from '../mock-gateway/jestFixture';

const TEXT_ONLY = 'text/only';
const VISION = 'vision/model';
const DOCS = 'docs/model';
// A 1 × 1 PNG.
const PNG_BASE64 =
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
// Two pages, as their `/Type /Page` objects under one `/Type /Pages`.
const PDF_TEXT =
	'%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
	'2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> endobj\n' +
	'3 0 obj << /Type /Page /Parent 2 0 R >> endobj\n4 0 obj << /Type/Page /Parent 2 0 R >> endobj\n%%EOF';
const PDF_BASE64 = Buffer.from(PDF_TEXT, 'latin1').toString('base64');

/** A PDF of `count` pages, a few hundred bytes: by its size alone it would count as one page. */
function pdfPages(count: number): string {
	const pages = Array.from(
		{ length: count },
		(_, page) => `${page + 3} 0 obj << /Type /Page /Parent 2 0 R >> endobj\n`,
	);
	return Buffer.from(`%PDF-1.4\n${pages.join('')}%%EOF`, 'latin1').toString('base64');
}
const MB = 1024 * 1024;

function binary(mimeType: string, base64: string, fileName?: string): IBinaryData {
	return { mimeType, data: base64, ...(fileName ? { fileName } : {}) };
}

/** A binary entry of `bytes` zero bytes. */
function sized(mimeType: string, bytes: number): IBinaryData {
	return binary(mimeType, Buffer.alloc(bytes).toString('base64'));
}

interface SentPart {
	type: string;
	text?: string;
	image_url?: { url: string };
	file?: { filename: string; file_data: string };
}

describe('Attachments: images and PDFs from binary data', () => {
	const fixture = mockGatewayFixture([
		pricedModel(TEXT_ONLY),
		pricedModel(VISION, { inputModalities: ['text', 'image'] }),
		pricedModel(DOCS, { inputModalities: ['text', 'image', 'file'] }),
	]);
	const credentials = () => credentialsFor(fixture.gateway);
	const sentMessages = (request = 0) =>
		(chatRequests(fixture.gateway)[request].body as { messages: Array<{ content: unknown }> })
			.messages;

	async function run(
		parameters: Record<string, unknown>,
		inputBinary: Array<IBinaryKeyData | undefined>,
		inputItems = inputBinary.map(() => ({ text: 'What is in it?' })),
	) {
		return await runWorkflow(
			chatWorkflow(
				{ ...parameters, options: { concurrency: 1 } },
				{ onError: 'continueRegularOutput' },
			),
			{ credentials: credentials(), inputItems, inputBinary },
		);
	}

	it('sends an image as an image_url part with a data URL, after the prompt', async () => {
		const result = await run(pinned(VISION, { attachments: 'photo' }), [
			{ photo: binary('image/png', PNG_BASE64, 'dot.png') },
		]);

		expect(sentMessages()).toEqual([
			{
				role: 'user',
				content: [
					{ type: 'text', text: 'What is in it?' },
					{ type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
				],
			},
		]);
		const [item] = outputJson(result, ROUTED_CHAT);
		expect(item.model).toBe(VISION);
		// The mock counts 1,000 tokens for an image, besides 4 for the text.
		expect((item.usage as { promptTokens: number }).promptTokens).toBe(1_004);
	});

	it('sends a PDF as a file part with its name, counted by its pages', async () => {
		const result = await run(pinned(DOCS, { attachments: 'invoice' }), [
			{ invoice: binary('application/pdf', PDF_BASE64, 'invoice.pdf') },
		]);

		const [message] = sentMessages();
		expect((message.content as SentPart[])[1]).toEqual({
			type: 'file',
			file: { filename: 'invoice.pdf', file_data: `data:application/pdf;base64,${PDF_BASE64}` },
		});
		const [item] = outputJson(result, ROUTED_CHAT);
		expect((item.usage as { promptTokens: number }).promptTokens).toBe(2_004);
	});

	// A file fetched from storage that states no type (S3 answers binary/octet-stream) is named by its extension.
	it.each<[string, IBinaryData, string, string]>([
		[
			'application/octet-stream, named dot.PNG',
			binary('application/octet-stream', PNG_BASE64, 'dot.PNG'),
			'image_url',
			`data:image/png;base64,${PNG_BASE64}`,
		],
		[
			'binary/octet-stream, with the extension jpg',
			{ ...binary('binary/octet-stream', PNG_BASE64), fileExtension: 'jpg' },
			'image_url',
			`data:image/jpeg;base64,${PNG_BASE64}`,
		],
		[
			'none, named invoice.pdf',
			binary('', PDF_BASE64, 'invoice.pdf'),
			'file',
			`data:application/pdf;base64,${PDF_BASE64}`,
		],
	])('takes the type from the extension of a file whose type is %s', async (_, data, type, url) => {
		await run(pinned(DOCS, { attachments: 'scan' }), [{ scan: data }]);

		const [message] = sentMessages();
		const part = (message.content as SentPart[])[1];
		expect(part.type).toBe(type);
		expect(part.image_url?.url ?? part.file?.file_data).toBe(url);
	});

	it('sends parts @openrouter/sdk reads as its own ChatContentItems, field for field', async () => {
		await run(pinned(DOCS, { attachments: 'invoice, photo' }), [
			{
				photo: binary('image/png', PNG_BASE64),
				invoice: binary('application/pdf', PDF_BASE64, 'invoice.pdf'),
			},
		]);

		for (const part of sentMessages()[0].content as SentPart[]) {
			const read = chatContentItemsFromJSON(JSON.stringify(part));
			if (!read.ok) throw read.error;
			expect(JSON.parse(chatContentItemsToJSON(read.value))).toEqual(part);
		}
	});

	it('sends several properties in the order named', async () => {
		await run(pinned(DOCS, { attachments: ' invoice , photo' }), [
			{
				photo: binary('image/jpeg', PNG_BASE64),
				invoice: binary('application/pdf', PDF_BASE64, 'invoice.pdf'),
			},
		]);

		const parts = sentMessages()[0].content as SentPart[];
		expect(parts.map((part) => part.type)).toEqual(['text', 'file', 'image_url']);
		expect(parts[2].image_url?.url).toMatch(/^data:image\/jpeg;base64,/);
	});

	it('sends the URL of binary data that is only a URL', async () => {
		const url = 'https://example.com/cat.webp';
		await run(pinned(VISION, { attachments: 'photo' }), [
			{ photo: { mimeType: 'image/webp', data: '', url } },
		]);

		expect((sentMessages()[0].content as SentPart[])[1]).toEqual({
			type: 'image_url',
			image_url: { url },
		});
	});

	it('appends the parts to the last user message in Messages mode', async () => {
		const messages = [
			{ role: 'system', content: 'Be brief.' },
			{ role: 'user', content: 'Hello' },
			{ role: 'assistant', content: 'Hi.' },
			{ role: 'user', content: 'Look at this.' },
		];
		await run(
			pinned(VISION, {
				inputMode: 'messages',
				messages: JSON.stringify(messages),
				attachments: 'photo',
			}),
			[{ photo: binary('image/gif', PNG_BASE64) }],
		);

		const sent = sentMessages();
		expect(sent.slice(0, 3).map((message) => message.content)).toEqual([
			'Be brief.',
			'Hello',
			'Hi.',
		]);
		expect((sent[3].content as SentPart[]).map((part) => part.type)).toEqual(['text', 'image_url']);
	});

	it('sends only the attachments when the last user message is empty (no empty text part)', async () => {
		await run(
			pinned(VISION, {
				inputMode: 'messages',
				messages: JSON.stringify([
					{ role: 'system', content: 'Describe the image.' },
					{ role: 'user', content: '' },
				]),
				attachments: 'photo',
			}),
			[{ photo: binary('image/png', PNG_BASE64) }],
		);

		expect(sentMessages()[1].content).toEqual([
			{ type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
		]);
	});

	describe('bad attachments fail the item before any call, naming the property', () => {
		async function refused(
			attachments: string,
			inputBinary: IBinaryKeyData | undefined,
			message: string,
		) {
			const result = await run(pinned(VISION, { attachments }), [
				inputBinary,
				{ ok: binary('image/png', PNG_BASE64) },
			]);
			const [failed] = outputJson(result, ROUTED_CHAT);
			expect(failed.error).toBe(`Item 0: attachments: ${message}`);
			expect(failed.attempts).toEqual([]);
			// The second item names no such property: it fails the same way; no request was made.
			expect(chatRequests(fixture.gateway)).toHaveLength(0);
		}

		it('a property the item does not have', () =>
			refused(
				'scan',
				{ photo: binary('image/png', PNG_BASE64) },
				'The item has no binary property "scan"',
			));

		it('an item without binary data', () =>
			refused('scan', undefined, 'The item has no binary property "scan"'));

		it('a type Attachments do not take', () =>
			refused(
				'notes',
				{ notes: binary('text/plain', Buffer.from('hi').toString('base64')) },
				'Binary property "notes" is text/plain; Attachments take image/png, image/jpeg, image/webp, image/gif and application/pdf',
			));

		it('a file that states no type, with an extension Attachments do not take', () =>
			refused(
				'notes',
				{ notes: binary('application/octet-stream', PNG_BASE64, 'notes.txt') },
				'Binary property "notes" is application/octet-stream, named notes.txt; Attachments take image/png, image/jpeg, image/webp, image/gif and application/pdf, or a file of no stated type (application/octet-stream) named .png, .jpg, .jpeg, .webp, .gif or .pdf',
			));

		it('an image over 5 MB', () =>
			refused(
				'photo',
				{ photo: sized('image/png', 5 * MB + 1) },
				'Binary property "photo" is 5242881 bytes; an image may be at most 5242880 bytes',
			));

		it('a URL that is not http(s)', () =>
			refused(
				'photo',
				{ photo: { mimeType: 'image/png', data: '', url: 'file:///etc/passwd' } },
				'Binary property "photo" has the URL "file:///etc/passwd", which is not http(s)',
			));
	});

	it('refuses more than 24 MB of attachments on one item', async () => {
		const pdf = sized('application/pdf', 13 * MB);
		const result = await run(pinned(DOCS, { attachments: 'a, b' }), [{ a: pdf, b: pdf }]);

		expect(outputJson(result, ROUTED_CHAT)[0].error).toBe(
			"Item 0: attachments: The attachments come to 26 MB; one item's may be at most 24 MB together",
		);
		expect(chatRequests(fixture.gateway)).toHaveLength(0);
	});

	describe('modality', () => {
		const photo = [{ photo: binary('image/png', PNG_BASE64) }];

		it.each(['client', 'gateway'])(
			'skips a model whose published inputs lack image (%s fallbacks)',
			async (fallbackMode) => {
				const result = await run(
					pinned(TEXT_ONLY, { attachments: 'photo', fallbackModels: VISION, fallbackMode }),
					photo,
				);

				const [item] = outputJson(result, ROUTED_CHAT);
				expect(item.model).toBe(VISION);
				expect(item.attempts).toMatchObject([
					{ model: TEXT_ONLY, outcome: 'skipped', skipped: 'modality' },
					{ model: VISION, outcome: 'success' },
				]);
				const bodies = chatRequests(fixture.gateway).map((request) => request.body);
				expect(bodies).toEqual([expect.objectContaining({ model: VISION })]);
				expect(bodies[0]).not.toHaveProperty('models');
			},
		);

		it('fails the item before any call when no model of the chain takes the input', async () => {
			const result = await run(
				pinned(TEXT_ONLY, { attachments: 'invoice', fallbackModels: VISION }),
				[{ invoice: binary('application/pdf', PDF_BASE64, 'invoice.pdf') }],
			);

			const [failed] = outputJson(result, ROUTED_CHAT);
			expect(failed).toMatchObject({
				error: `Item 0: No model in the chain accepts file input (${TEXT_ONLY} takes text; ${VISION} takes text, image)`,
				reason: 'unsupported_input',
				attempts: [
					{ model: TEXT_ONLY, skipped: 'modality' },
					{ model: VISION, skipped: 'modality' },
				],
			});
			expect(chatRequests(fixture.gateway)).toHaveLength(0);
		});
	});

	it('routes by the Has Attachment rule', async () => {
		const result = await run(
			{
				prompt: '={{ $json.text }}',
				routing: 'rules',
				rules: { rule: [{ condition: 'hasAttachment', target: 'model', model: VISION }] },
				tier: 'cheap',
				cheapModels: TEXT_ONLY,
				fallbackMode: 'client',
				attachments: '={{ $binary.photo ? "photo" : "" }}',
			},
			[{ photo: binary('image/png', PNG_BASE64) }, undefined],
			[{ text: 'With a photo' }, { text: 'Without one' }],
		);

		expect(outputJson(result, ROUTED_CHAT).map((item) => [item.route, item.model])).toEqual([
			['rule 1: has an attachment', VISION],
			['default', TEXT_ONLY],
		]);
	});

	it.each([
		['an attachment', { prompt: 'Summarise it.', attachments: 'report' }],
		[
			'a file part in Messages',
			{
				inputMode: 'messages',
				messages: JSON.stringify([
					{
						role: 'user',
						content: [
							{ type: 'text', text: 'Summarise it.' },
							{
								type: 'file',
								file: {
									filename: 'report.pdf',
									file_data: `data:application/pdf;base64,${pdfPages(5)}`,
								},
							},
						],
					},
				]),
			},
		],
	])('counts a PDF by its pages for Prompt Is Longer Than, as %s', async (_, input) => {
		// Five pages at 3,000 tokens each are over 10,000 tokens; by its size the file is one page.
		const result = await run(
			{
				...input,
				routing: 'rules',
				rules: {
					rule: [{ condition: 'promptTokensAbove', tokens: 10_000, target: 'model', model: DOCS }],
				},
				tier: 'cheap',
				cheapModels: DOCS,
				fallbackMode: 'client',
			},
			[{ report: binary('application/pdf', pdfPages(5), 'report.pdf') }],
		);

		expect(outputJson(result, ROUTED_CHAT)[0].route).toBe('rule 1: prompt over 10000 tokens');
	});

	describe('content parts in Messages mode', () => {
		const messagesRun = (messages: unknown[], model = DOCS) =>
			run(pinned(model, { inputMode: 'messages', messages: JSON.stringify(messages) }), [
				undefined,
			]);

		it('passes text, image_url and file parts on as written', async () => {
			const content = [
				{ type: 'text', text: 'Compare these.' },
				{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
				{
					type: 'file',
					file: { filename: 'b.pdf', file_data: `data:application/pdf;base64,${PDF_BASE64}` },
				},
			];
			const result = await messagesRun([{ role: 'user', content }]);

			expect(sentMessages()).toEqual([{ role: 'user', content }]);
			expect(outputJson(result, ROUTED_CHAT)[0].model).toBe(DOCS);
		});

		it.each([
			[
				[{ type: 'image_url', image_url: { url: 'ftp://example.com/a.png' } }],
				'messages[0].content[0].image_url.url: url must be an http(s) URL or a data URL starting data:image/png;base64, or data:image/jpeg;base64, or data:image/webp;base64, or data:image/gif;base64,',
			],
			[
				[{ type: 'file', file: { file_data: 'https://example.com/b.pdf' } }],
				'messages[0].content[0].file.filename: filename must be a string',
			],
			[
				[{ type: 'audio', data: 'x' }],
				'messages[0].content[0].type: type must be one of text, image_url, file',
			],
			[[], 'messages[0].content: content must hold at least one part'],
		])('names the bad part: %j', async (content, message) => {
			const result = await messagesRun([{ role: 'user', content }]);

			expect(outputJson(result, ROUTED_CHAT)[0].error).toBe(`Item 0: messages: ${message}`);
			expect(chatRequests(fixture.gateway)).toHaveLength(0);
		});

		it('refuses more than 24 MB of images and files on one item, as for attachments', async () => {
			const pdf = `data:application/pdf;base64,${Buffer.alloc(13 * MB).toString('base64')}`;
			const part = (filename: string) => ({ type: 'file', file: { filename, file_data: pdf } });
			const result = await messagesRun([{ role: 'user', content: [part('a.pdf'), part('b.pdf')] }]);

			expect(outputJson(result, ROUTED_CHAT)[0].error).toBe(
				"Item 0: messages: The images and files in Messages come to 26 MB; one item's may be at most 24 MB together",
			);
			expect(chatRequests(fixture.gateway)).toHaveLength(0);
		});

		it('counts the attachments and the parts in Messages together', async () => {
			const pdf = sized('application/pdf', 13 * MB);
			const content = [
				{
					type: 'file',
					file: { filename: 'a.pdf', file_data: `data:application/pdf;base64,${pdf.data}` },
				},
			];
			const result = await run(
				pinned(DOCS, {
					inputMode: 'messages',
					messages: JSON.stringify([{ role: 'user', content }]),
					attachments: 'b',
				}),
				[{ b: pdf }],
			);

			expect(outputJson(result, ROUTED_CHAT)[0].error).toBe(
				"Item 0: attachments: The attachments and the images and files in Messages come to 26 MB; one item's may be at most 24 MB together",
			);
			expect(chatRequests(fixture.gateway)).toHaveLength(0);
		});

		it('takes images only in user messages', async () => {
			const result = await messagesRun([
				{
					role: 'system',
					content: [{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }],
				},
				{ role: 'user', content: 'Hi' },
			]);

			expect(outputJson(result, ROUTED_CHAT)[0].error).toBe(
				'Item 0: messages: messages[0].content[0]: images and files go in user messages',
			);
		});

		it('skips a text-only model for an image part, as for an attachment', async () => {
			const result = await run(
				pinned(TEXT_ONLY, {
					inputMode: 'messages',
					fallbackModels: VISION,
					messages: JSON.stringify([
						{
							role: 'user',
							content: [{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }],
						},
					]),
				}),
				[undefined],
			);

			expect(outputJson(result, ROUTED_CHAT)[0]).toMatchObject({
				model: VISION,
				attempts: [
					{ model: TEXT_ONLY, skipped: 'modality' },
					{ model: VISION, outcome: 'success' },
				],
			});
		});
	});
});
