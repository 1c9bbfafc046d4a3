import type { INestApplicationContext } from '@nestjs/common';
import { AppealContent, AppealKind, Sex, StaffRole, SubjectRole } from '@vigie/common';
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import type { StaffActor } from '../common/staff-actor';
import { StaffUser } from '../identity/staff-user.entity';
import { MediaStore } from '../media/media-store';
import { AppealAuthoringService } from './appeal-authoring.service';
import { AppealImagesService } from './appeal-images.service';

interface DemoAppeal {
  agency: string;
  kind: AppealKind;
  content: AppealContent;
  image?: { isComposite: boolean; colour: string; alt: { fr: string; en: string } };
}

const DEMO_APPEALS: DemoAppeal[] = [
  {
    agency: 'demo',
    kind: AppealKind.MISSING_PERSON,
    content: {
      title: { fr: 'Disparue : Léa Tremblay, 14 ans', en: 'Missing: Léa Tremblay, 14' },
      summary: {
        fr: 'Léa a été vue pour la dernière fois à la station Berri-UQAM vers 16 h. Sa famille est inquiète.',
        en: 'Léa was last seen at Berri-UQAM metro station around 4 p.m. Her family is worried about her.',
      },
      body: {
        fr: 'Léa portait un manteau rouge et un sac à dos gris. Elle pourrait se trouver dans le secteur du Vieux-Montréal.',
        en: 'Léa was wearing a red coat and a grey backpack. She may be in the Old Montréal area.',
      },
      subjects: [
        {
          role: SubjectRole.MISSING,
          name: 'Léa Tremblay',
          sex: Sex.FEMALE,
          ageMin: 14,
          ageMax: 14,
          heightMinCm: 160,
          heightMaxCm: 160,
          weightMinKg: 50,
          weightMaxKg: 50,
          hair: 'BROWN',
          eyes: 'GREEN',
          languages: ['fr', 'en'],
          description: { fr: 'Cheveux aux épaules', en: 'Shoulder-length hair' },
          clothing: { fr: 'Manteau rouge, sac à dos gris', en: 'Red coat, grey backpack' },
        },
      ],
      lastSeen: {
        place: { fr: 'Station Berri-UQAM, Montréal', en: 'Berri-UQAM station, Montréal' },
        latitude: 45.5152,
        longitude: -73.5614,
      },
    },
    image: {
      isComposite: false,
      colour: '#3b6e8f',
      alt: { fr: 'Photo de Léa Tremblay', en: 'Photo of Léa Tremblay' },
    },
  },
  {
    agency: 'demo',
    kind: AppealKind.WANTED,
    content: {
      title: {
        fr: 'Recherché : vol à main armée, rue Saint-Denis',
        en: 'Wanted: armed robbery on Rue Saint-Denis',
      },
      summary: {
        fr: 'Un homme a menacé un commis avec une arme le 14 novembre. Récompense offerte pour toute information menant à une arrestation.',
        en: 'A man threatened a clerk with a weapon on November 14. A reward is offered for information leading to an arrest.',
      },
      caution: {
        fr: 'Considéré dangereux : ne l’approchez pas, composez le 911.',
        en: 'Considered dangerous: do not approach, call 911.',
      },
      subjects: [
        {
          role: SubjectRole.SUSPECT,
          sex: Sex.MALE,
          ageMin: 25,
          ageMax: 35,
          heightMinCm: 175,
          heightMaxCm: 185,
          build: 'SLIM',
          hair: 'BLACK',
          description: { fr: 'Cheveux courts', en: 'Short hair' },
          scarsAndMarks: { fr: 'Cicatrice sur la joue gauche', en: 'Scar on left cheek' },
        },
      ],
      reward: {
        amount: 10000,
        currency: 'CAD',
        terms: {
          fr: 'Pour toute information menant à une arrestation.',
          en: 'For information leading to an arrest.',
        },
        expiresAt: new Date(Date.now() + 180 * 86_400_000).toISOString(),
      },
    },
    image: {
      isComposite: true,
      colour: '#6b5b4b',
      alt: { fr: 'Portrait-robot du suspect', en: 'Composite sketch of the suspect' },
    },
  },
  {
    agency: 'demo',
    kind: AppealKind.WITNESS_APPEAL,
    content: {
      title: {
        fr: 'Témoins recherchés : collision sur l’autoroute 40',
        en: 'Witnesses sought: collision on Highway 40',
      },
      summary: {
        fr: 'Vous avez vu la collision de samedi soir près de la sortie 73 ? Vos images de caméra embarquée peuvent aider.',
        en: 'Did you see Saturday evening’s collision near exit 73? Your dash-camera footage could help.',
      },
      subjects: [],
      vehicles: [{ make: 'Honda', model: 'Civic', colour: 'White', year: 2019, plateRegion: 'Québec' }],
    },
  },
  {
    agency: 'second',
    kind: AppealKind.WANTED,
    content: {
      title: { fr: 'Recherché : fraude envers des aînés', en: 'Wanted: fraud targeting seniors' },
      summary: {
        fr: 'Un homme se faisant passer pour un technicien bancaire.',
        en: 'A man posing as a bank technician.',
      },
      subjects: [{ role: SubjectRole.SUSPECT, sex: Sex.MALE, ageMin: 40, ageMax: 55 }],
    },
  },
];

/**
 * Publishes the demo appeals through the real workflow (PIO writes and submits, a supervisor
 * approves), so the demo data carries versions and audit lines like real data would.
 */
export async function seedDemoAppeals(app: INestApplicationContext): Promise<void> {
  const dataSource = app.get(DataSource);
  const authoring = app.get(AppealAuthoringService);
  const images = app.get(AppealImagesService);
  const store = app.get(MediaStore);
  const staff = await dataSource.getRepository(StaffUser).find({ relations: { agency: true } });
  const actor = (agency: string, role: StaffRole): StaffActor => {
    const user = staff.find((u) => u.agency?.slug === agency && u.roles.includes(role))!;
    return {
      userId: user.id,
      agencyId: user.agencyId!,
      roles: user.roles,
      sessionHash: 'seed',
      csrfToken: 'seed',
      totpEnrolmentRequired: false,
    };
  };

  for (const demo of DEMO_APPEALS) {
    const author = actor(demo.agency, StaffRole.PIO);
    const appeal = await authoring.create(author, { kind: demo.kind, content: demo.content });
    if (demo.image) {
      const path = store.tempPath();
      const png = await portrait(demo.image.colour, demo.image.isComposite);
      await writeFile(path, png);
      await images.upload(
        author,
        appeal.id,
        {
          fieldname: 'file',
          originalname: 'demo.png',
          path,
          size: png.length,
          sha256: createHash('sha256').update(png).digest('hex'),
        },
        demo.image,
      );
    }
    await authoring.submit(author, appeal.id);
    await authoring.approve(actor(demo.agency, StaffRole.SUPERVISOR), appeal.id);
  }
}

/** A plain drawn portrait (head and shoulders), so the demo needs no photo of a real person. */
function portrait(colour: string, sketch: boolean): Promise<Buffer> {
  const stroke = sketch ? '#2b2b2b' : 'none';
  const fill = sketch ? '#f4f1ea' : '#d9c2a7';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="750">
    <rect width="600" height="750" fill="${sketch ? '#f4f1ea' : colour}"/>
    <ellipse cx="300" cy="300" rx="130" ry="165" fill="${fill}" stroke="${stroke}" stroke-width="6"/>
    <path d="M80 750 C110 560 200 500 300 500 C400 500 490 560 520 750 Z" fill="${sketch ? '#f4f1ea' : '#2f3e46'}" stroke="${stroke}" stroke-width="6"/>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
