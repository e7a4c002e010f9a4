import { describe, expect, it } from 'vitest';
import { shownFile } from '../../src/sandbox/page/view-model.ts';
import type { RecordedUpload } from '../../src/sandbox/slack-stand-in/types.ts';

/** How the page shows a file the app shared: Slack shows images inline, other files as a card. */

function upload(patch: Partial<RecordedUpload>): RecordedUpload {
  return {
    fileId: 'F0CHART',
    filename: 'ratings-trend.png',
    declaredLength: 4,
    altText: undefined,
    bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    completed: true,
    title: 'Your ratings over time',
    channelId: 'D0ANA',
    initialComment: undefined,
    threadTs: undefined,
    ...patch,
  };
}

describe('a shared file in the view model', () => {
  it('an image is an image, served by the page, with the alt text the app gave', () => {
    expect(shownFile(upload({ altText: 'A line chart: your ratings rose from 2.5 to 3.5.' }))).toEqual({
      name: 'ratings-trend.png',
      title: 'Your ratings over time',
      size: 4,
      image: { src: '/files/F0CHART', alt: 'A line chart: your ratings rose from 2.5 to 3.5.' },
    });
  });

  it('an image without alt text is described by its title, never left without an alt', () => {
    expect(shownFile(upload({ altText: undefined })).image?.alt).toBe('Your ratings over time');
  });

  it('the calendar invite stays a card with its name and size', () => {
    const invite = shownFile(
      upload({
        fileId: 'F0ICS',
        filename: 'mock-interview.ics',
        title: 'Mock interview',
        bytes: Buffer.from('BEGIN'),
      }),
    );
    expect(invite).toEqual({ name: 'mock-interview.ics', title: 'Mock interview', size: 5 });
  });
});
