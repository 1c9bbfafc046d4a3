import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A police service. Every agency-owned row points here, and every query is scoped to one. */
@Entity('agency')
export class Agency {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  /** When true, staff must enrol TOTP before they can do anything but enrol. */
  @Column({ name: 'require_totp', type: 'boolean', default: false })
  requireTotp!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
