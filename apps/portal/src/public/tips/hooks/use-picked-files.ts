import { useEffect, useRef, useState } from 'react';
import { pickFiles, type PickedFile, type Rejection } from '../api/tip-files';

export interface ShownFile extends PickedFile {
  /** A blob: URL for a photo's thumbnail (the CSP allows blob: images for exactly this). */
  previewUrl?: string;
}

/** Files chosen from the camera or the gallery, with thumbnails, until they are sent or removed. */
export function usePickedFiles(maxFiles?: number) {
  const [files, setFiles] = useState<ShownFile[]>([]);
  const [rejections, setRejections] = useState<Rejection[]>([]);
  const filesRef = useRef(files);

  useEffect(() => {
    filesRef.current = files;
  }, [files]);

  // Leaving the page frees the thumbnails.
  useEffect(
    () => () => filesRef.current.forEach((file) => file.previewUrl && URL.revokeObjectURL(file.previewUrl)),
    [],
  );

  const add = (list: FileList | readonly File[] | null) => {
    if (!list) return;
    const { accepted, rejected } = pickFiles(filesRef.current, [...list], maxFiles);
    const shown = accepted.map((file): ShownFile =>
      file.kind === 'image' ? { ...file, previewUrl: URL.createObjectURL(file.file) } : file,
    );
    filesRef.current = [...filesRef.current, ...shown];
    setFiles(filesRef.current);
    setRejections(rejected);
  };

  const remove = (key: string) => {
    const gone = filesRef.current.find((file) => file.key === key);
    if (gone?.previewUrl) URL.revokeObjectURL(gone.previewUrl);
    filesRef.current = filesRef.current.filter((file) => file.key !== key);
    setFiles(filesRef.current);
    setRejections([]);
  };

  const clear = () => {
    filesRef.current.forEach((file) => file.previewUrl && URL.revokeObjectURL(file.previewUrl));
    filesRef.current = [];
    setFiles([]);
    setRejections([]);
  };

  return { files, rejections, add, remove, clear };
}

export type PickedFiles = ReturnType<typeof usePickedFiles>;
